// The colour fallback of src/dom/style.css for browsers without CSS
// light-dark() (Safari before 17.5), in the engines that have it.
//
//   cd tests/e2e && node --test colours.test.mjs       (FC_ENGINE=firefox too)
//
// Such a browser keeps `--_bg: var(--fc-surface, light-dark(…))` (a custom
// property is not checked when parsed), and every colour that uses it then
// computes to nothing. The test makes a browser like that: it re-adopts the
// widget's own style sheet with every `light-dark(` renamed to a function no
// engine knows, `no-such-fn(`, which also turns the sheet's
// `@supports not (color: light-dark(…))` block on. The nine colours must then
// come out exactly as with light-dark(), in light and dark, for theme auto,
// light and dark. A control run without the @supports block shows that the
// renamed sheet does lose the colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, trackErrors, serveAndLaunch } from './harness.mjs';

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

const COLOURS = ['--_bg', '--_text', '--_muted', '--_accent', '--_on-accent', '--_card', '--_border', '--_right', '--_wrong'];

/**
 * In the page: the computed colour of each of COLOURS inside the widget's
 * .fc, read as the background of a probe element, with the widget's sheet
 * as it is ("real"), with light-dark() unknown ("fallback"), and with
 * light-dark() unknown and no @supports block ("control").
 */
function readColours(colours) {
  const root = document.getElementById('host').shadowRoot;
  const fc = root.querySelector('.fc');
  const original = [...root.adoptedStyleSheets];
  const read = () => {
    const out = {};
    for (const name of colours) {
      const probe = document.createElement('span');
      probe.style.backgroundColor = `var(${name})`;
      fc.append(probe);
      out[name] = getComputedStyle(probe).backgroundColor;
      probe.remove();
    }
    return out;
  };
  const adoptRenamed = (keepSupports) => {
    root.adoptedStyleSheets = original.map((sheet) => {
      const rules = [...sheet.cssRules].filter(
        (r) => keepSupports || !(r instanceof CSSSupportsRule && r.conditionText.includes('light-dark')),
      );
      const copy = new CSSStyleSheet();
      copy.replaceSync(rules.map((r) => r.cssText).join('\n').replaceAll('light-dark(', 'no-such-fn('));
      return copy;
    });
  };
  const supports = [...original[0].cssRules].some(
    (r) => r instanceof CSSSupportsRule && /^not\s*\(\s*color:\s*light-dark\(/.test(r.conditionText),
  );
  const real = read();
  adoptRenamed(true);
  const fallback = read();
  adoptRenamed(false);
  const control = read();
  root.adoptedStyleSheets = original;
  return { supports, real, fallback, control, lightDark: CSS.supports('color', 'light-dark(#000, #fff)') };
}

for (const colorScheme of ['light', 'dark']) {
  test(`without light-dark() the nine colours are the same as with it (prefers-color-scheme ${colorScheme}; theme auto, light, dark)`, async () => {
    const page = await newPage(browser, { colorScheme });
    const errors = trackErrors(page);
    assert.equal((await page.goto(server.url + 'test-cards.html')).status(), 200);
    await page.waitForFunction(() => window.fcReady === true);
    const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    assert.equal(dark, colorScheme === 'dark', 'the page sees the asked-for colour scheme');
    for (const theme of ['auto', 'light', 'dark']) {
      await page.evaluate((theme) => window.mountWith(null, { theme }), theme);
      await page.locator('[part~="card"]').waitFor({ state: 'visible' });
      const r = await page.evaluate(readColours, COLOURS);
      assert.ok(r.lightDark, 'this engine has light-dark(), so "real" is the reference');
      assert.ok(r.supports, 'the sheet has an @supports not (color: light-dark(…)) block');
      const label = `${colorScheme}/theme ${theme}`;
      const transparent = (c) => c === 'rgba(0, 0, 0, 0)' || c === 'transparent';
      for (const name of COLOURS) {
        assert.ok(!transparent(r.real[name]), `${label}: ${name} has a colour with light-dark() (${r.real[name]})`);
      }
      assert.deepEqual(r.fallback, r.real, `${label}: the fallback gives the light-dark() colours`);
      for (const name of COLOURS) {
        assert.ok(transparent(r.control[name]), `${label}: control: with neither, ${name} is lost (${r.control[name]})`);
      }
      // The scheme the colours follow: dark for theme dark, or for auto
      // under a dark preference.
      const expectDark = theme === 'dark' || (theme === 'auto' && colorScheme === 'dark');
      const lum = (rgb) => {
        const [red, green, blue] = rgb.match(/\d+(\.\d+)?/g).map(Number);
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
      };
      assert.equal(lum(r.fallback['--_bg']) < 128, expectDark, `${label}: background ${r.fallback['--_bg']}`);
      assert.equal(lum(r.fallback['--_text']) > 128, expectDark, `${label}: text ${r.fallback['--_text']}`);
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
