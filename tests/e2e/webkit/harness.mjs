// Helpers for the WebKit suite (node:test + webdriverio, classic WebDriver).
//
//   xvfb-run -a -s "-screen 0 1600x1200x24" node --test tests/e2e/webkit/*.test.mjs
//
// The browser is WebKitGTK's MiniBrowser, started by Debian's WebKitWebDriver
// (package webkit2gtk-driver). MiniBrowser has no headless mode, so the suite
// runs under xvfb-run. Playwright cannot drive this WebKit, and classic
// WebDriver reports no console messages, so:
//
// - every HTML page goes through a small proxy in front of scripts/serve.mjs
//   that puts /__wk/errors.js first in its <head>: it records uncaught
//   errors, unhandled rejections and console.error/warn in
//   window.__fcErrors / window.__fcWarnings, and factcards:error events in
//   window.__fcEvents, which the tests read;
// - a page is shown at a given width inside an iframe of that width
//   (/__wk/frame.html?src=…&w=…&h=…), since MiniBrowser's window cannot be
//   made narrower than about 450 px; the tests then work inside the frame;
// - /nowasm/<path> serves <path> except that every .wasm file is a 404
//   (the page whose wasm cannot load);
// - /wk-fallback-src404.html is www/fallback.html with a `src` that is a 404.
//
// The widget renders into an open shadow root; the tests reach into it with
// browser.execute (which may return elements of the shadow root).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { startServer } from '../../../scripts/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..', '..');
export const SCREENSHOT_DIR = path.resolve(HERE, '..', 'screenshots');
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
  process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** WCAG 2.2 A/AA, as axe-core tags them (the same as ../harness.mjs). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const ERRORS_JS = `(() => {
  const errors = (window.__fcErrors = []);
  const warnings = (window.__fcWarnings = []);
  const events = (window.__fcEvents = []);
  document.addEventListener('factcards:error', (e) => {
    events.push({ target: e.target.id || e.target.localName, message: e.detail.message, path: e.detail.path });
  });
  const text = (args) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  window.addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) errors.push('pageerror: ' + e.message);
  });
  window.addEventListener('unhandledrejection', (e) => {
    errors.push('unhandledrejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason)));
  });
  const error = console.error.bind(console);
  console.error = (...args) => { errors.push('console.error: ' + text(args)); error(...args); };
  const warn = console.warn.bind(console);
  console.warn = (...args) => { warnings.push(text(args)); warn(...args); };
})();
`;

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Starts scripts/serve.mjs and the proxy in front of it (see the top of
 * this file). Resolves to { url, close }.
 */
export async function startProxy() {
  const upstream = await startServer({ port: 0, host: '127.0.0.1' });
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let p = url.pathname;
      if (p === '/__wk/errors.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(ERRORS_JS);
        return;
      }
      if (p === '/__wk/frame.html') {
        const w = Number(url.searchParams.get('w') || 1024);
        const h = Number(url.searchParams.get('h') || 800);
        // A path from the root: "test-cards.html" is /test-cards.html.
        const target = new URL(url.searchParams.get('src') || 'index.html', 'http://x/');
        const src = target.pathname + target.search;
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title>
<style>html,body{margin:0;padding:0;background:#888}iframe{display:block;border:0;background:#fff}</style></head>
<body><iframe id="frame" title="page under test" src="${escapeAttr(src)}" style="width:${w}px;height:${h}px"></iframe></body></html>`);
        return;
      }
      let body = null;
      if (p === '/wk-fallback-src404.html') {
        const html = await readFile(path.join(REPO_ROOT, 'www', 'fallback.html'), 'utf8');
        const changed = html.replace(/<fact-cards\b/, '<fact-cards src="decks/no-such-deck.json"');
        if (changed === html) throw new Error('www/fallback.html has no <fact-cards>');
        body = changed;
      }
      const noWasm = p.startsWith('/nowasm/');
      if (noWasm) p = p.slice('/nowasm'.length);
      if (noWasm && p.endsWith('.wasm')) {
        res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
        res.end('not found (the WebKit suite’s /nowasm/ prefix)\n');
        return;
      }
      let status = 200;
      let headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
      if (body === null) {
        const up = await fetch(upstream.url + p.slice(1) + url.search, { redirect: 'manual' });
        status = up.status;
        headers = {};
        for (const [k, v] of up.headers) {
          if (!['content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(k)) headers[k] = v;
        }
        if (status === 301 && noWasm && headers.location) headers.location = '/nowasm' + headers.location;
        const buf = Buffer.from(await up.arrayBuffer());
        if ((headers['content-type'] || '').startsWith('text/html')) body = buf.toString('utf8');
        else {
          res.writeHead(status, headers);
          res.end(req.method === 'HEAD' ? undefined : buf);
          return;
        }
      }
      // The error recorder runs before any script of the page.
      body = body.replace(/<head>/i, '<head><script src="/__wk/errors.js"></script>');
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`proxy error: ${err}\n`);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    close: async () => {
      await new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections?.();
      });
      await upstream.close();
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.end();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on port ${port} within ${ms} ms`);
}

/**
 * Starts WebKitWebDriver and a MiniBrowser session (dark: `--dark-mode`, so
 * prefers-color-scheme is dark). Resolves to the webdriverio browser;
 * `await closeWebKit(browser)` ends the session and the driver.
 */
export async function startWebKit({ dark = false } = {}) {
  if (!process.env.DISPLAY) {
    throw new Error('no DISPLAY: run the WebKit suite under xvfb-run -a (MiniBrowser has no headless mode)');
  }
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let driverLog = '';
  driver.stderr.on('data', (d) => {
    driverLog = (driverLog + d).slice(-4000);
  });
  try {
    await waitForPort(port, 20_000);
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryTimeout: 60_000,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: MINIBROWSER,
          args: ['--automation', ...(dark ? ['--dark-mode'] : [])],
        },
      },
    });
    browser.fcDriver = driver;
    // Wide and tall enough for a 1024 px frame and its screenshot.
    await browser.setWindowSize(1100, 1150);
    return browser;
  } catch (err) {
    driver.kill();
    throw new Error(`${err.message}\n-- WebKitWebDriver stderr --\n${driverLog}`);
  }
}

export async function closeWebKit(browser) {
  if (!browser) return;
  try {
    await browser.deleteSession();
  } finally {
    browser.fcDriver?.kill();
  }
}

/**
 * Opens `src` (a path on the proxy) inside a frame `width` px wide and
 * switches into it; waits until `ready()` (run in the frame) is true.
 */
export async function openFramed(browser, base, src, { width = 1024, height = 900, ready } = {}) {
  await browser.switchToParentFrame().catch(() => {});
  await browser.url(`${base}__wk/frame.html?w=${width}&h=${height}&src=${encodeURIComponent(src)}`);
  const frame = await browser.$('#frame');
  await frame.waitForExist({ timeout: 10_000 });
  await browser.waitUntil(
    () => browser.execute(() => document.getElementById('frame').contentDocument?.readyState === 'complete'),
    { timeout: 20_000, timeoutMsg: `${src} did not load` },
  );
  await browser.switchFrame(frame);
  if (ready) {
    await browser.waitUntil(() => browser.execute(ready), { timeout: 20_000, timeoutMsg: `${src}: not ready` });
  }
}

/** The errors and warnings the page under test recorded (see ERRORS_JS). */
export function pageErrors(browser) {
  return browser.execute(() => ({ errors: window.__fcErrors ?? ['no error recorder'], warnings: window.__fcWarnings ?? [] }));
}

/**
 * The top-left `width` x `height` pixels of a PNG (8-bit RGB or RGBA, not
 * interlaced, as WebKit writes them), as a new PNG. Node has zlib but no PNG
 * codec, and this is all the suite needs.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

export function cropPng(png, width, height) {
  const sig = png.subarray(0, 8);
  let pos = 8;
  let ihdr;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const w = ihdr.readUInt32BE(0);
  const h = ihdr.readUInt32BE(4);
  const [depth, colour, , , interlace] = ihdr.subarray(8);
  const bpp = { 2: 3, 6: 4 }[colour];
  if (depth !== 8 || !bpp || interlace) throw new Error(`cropPng: unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = w * bpp;
  const rows = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < h; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + add) & 0xff;
    }
    rows.push(line);
    prev = line;
  }
  const cw = Math.min(width, w);
  const ch = Math.min(height, h);
  const out = Buffer.alloc(ch * (cw * bpp + 1));
  for (let y = 0; y < ch; y++) rows[y].copy(out, y * (cw * bpp + 1) + 1, 0, cw * bpp);
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.from(ihdr);
  header.writeUInt32BE(cw, 0);
  header.writeUInt32BE(ch, 4);
  return Buffer.concat([sig, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(out)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A PNG of the frame (grown to its page's full height, up to `maxHeight`)
 * at tests/e2e/screenshots/webkit-<name>.png. Returns to the frame after.
 * It is the window's screenshot cut to the frame (at the top left): WebKit's
 * element screenshot of a frame leaves a black band at its top.
 */
export async function shot(browser, name, { maxHeight = 1100 } = {}) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const full = await browser.execute(() => document.documentElement.scrollHeight);
  const scroll = await browser.execute(() => [scrollX, scrollY]);
  await browser.switchToParentFrame();
  const frame = await browser.$('#frame');
  const before = await browser.execute(() => document.getElementById('frame').style.height);
  // Grow the frame first, then scroll it (and the page) to the top, and let
  // two frames paint.
  const box = await browser.execute((h) => {
    const f = document.getElementById('frame');
    f.style.height = `${h}px`;
    scrollTo(0, 0);
    const r = f.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height, vh: innerHeight, dpr: devicePixelRatio };
  }, Math.min(full, maxHeight));
  assert.ok(box.x === 0 && box.y === 0, `the frame is at the top left: ${JSON.stringify(box)}`);
  await browser.switchFrame(frame);
  await browser.executeAsync((done) => {
    scrollTo(0, 0);
    requestAnimationFrame(() => requestAnimationFrame(() => done()));
  });
  await browser.switchToParentFrame();
  await browser.pause(200);
  const file = path.join(SCREENSHOT_DIR, `webkit-${name}.png`);
  const png = Buffer.from(await browser.takeScreenshot(), 'base64');
  const h = Math.min(box.h, box.vh);
  await writeFile(file, cropPng(png, Math.round(box.w * box.dpr), Math.round(h * box.dpr)));
  await browser.execute((h) => {
    document.getElementById('frame').style.height = h;
  }, before);
  await browser.switchFrame(frame);
  await browser.execute((x, y) => scrollTo(x, y), ...scroll);
  return file;
}

let axeSource;
/** Runs axe-core (WCAG 2.2 A/AA) in the current frame; returns its violations. */
export async function axe(browser, { tags = WCAG_TAGS } = {}) {
  if (!axeSource) {
    const require = createRequire(import.meta.url);
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  if (!(await browser.execute(() => typeof window.axe === 'object'))) {
    // The source runs as the body of a function; axe's wrapper puts `axe`
    // on window.
    await browser.execute(axeSource);
  }
  return browser.executeAsync((tags, done) => {
    window.axe
      .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }))))
      .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
  }, tags);
}

/** One line per violation, for assertion messages. */
export function formatViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.targets)}`).join('\n');
}
