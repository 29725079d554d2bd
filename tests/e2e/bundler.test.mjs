// Use with a bundler, and Loading: the steps of README.md's two sections, each
// done for real on throw-away apps in a temp dir, and the result opened in
// Chromium.
//
// - `npm install --install-links <repo>/pkg` copies the package into the app;
//   `vite build` bundles it (the wasm becomes a hashed asset) and the built
//   dist/ mounts the widget; `vite dev` serves the wasm (200,
//   application/wasm) and mounts it too;
// - a plain `npm install <repo>/pkg` makes a symlink: `vite dev` then answers
//   403 for the wasm (outside server.fs.allow) and init() rejects; with pkg/
//   added to server.fs.allow it works; `vite build` works with either;
// - after a rebuild of pkg/, the copy is refreshed only once it is removed,
//   and `vite dev` keeps its pre-bundle of the old glue until --force;
// - webpack 5 with no config (`npx webpack --mode production`) emits the wasm
//   as an asset, and dist/ mounts the widget;
// - Loading: served as anything but application/wasm, the glue warns once and
//   falls back to WebAssembly.instantiate; the two preload tags are used (one
//   request each, no "preloaded but not used" warning), and without
//   crossorigin the wasm is fetched twice.
//
// vite, webpack and webpack-cli are tests/e2e's own devDependencies; vite is
// driven through its JS API with the app as `root`, webpack through its CLI
// in the app; the apps need nothing installed but factcards. Needs pkg/
// (bash scripts/build.sh, or wasm-pack build --target web --release).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFile, cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, createServer, searchForWorkspaceRoot } from 'vite';
import { newPage, trackErrors, startServer, REPO_ROOT, serveAndLaunch } from './harness.mjs';

const PKG = path.join(REPO_ROOT, 'pkg');
const DECK = {
  version: 1,
  title: 'Capitals',
  facts: [
    { front: 'Capital of Kazakhstan?', back: 'Astana' },
    { front: 'Capital of Belgium?', back: 'Brussels' },
  ],
};
const FRONTS = DECK.facts.map((f) => f.front);

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>factcards in a Vite app</title></head>
  <body>
    <div id="cards"></div>
    <script type="module" src="/main.js"></script>
  </body>
</html>
`;

// main.js as README.md's "Use with a bundler" gives it.
const README = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
const MAIN_JS = README.match(/```js\n(\/\/ main\.js[^\n]*\n[\s\S]*?)```/)?.[1];
assert.ok(MAIN_JS?.includes('import init, { mount } from "factcards";'), "README.md's main.js snippet");

let server;
let browser;
serveAndLaunch((s, b) => {
  server = s;
  browser = b;
});

let work;
let copied; // app dir, factcards installed with --install-links
let linked; // app dir, factcards installed as a symlink
let packed; // webpack app dir (src/index.js), factcards installed with --install-links

/** A Vite app (or with `webpack`, a webpack app) in `dir`, with factcards installed by `npm install [flags] <from>`. */
async function makeApp(dir, flags, { webpack = false, from = PKG } = {}) {
  await mkdir(path.join(dir, webpack ? 'src' : ''), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true, type: 'module' }) + '\n');
  if (webpack) {
    await writeFile(path.join(dir, 'src/index.js'), MAIN_JS);
  } else {
    await writeFile(path.join(dir, 'index.html'), INDEX_HTML);
    await writeFile(path.join(dir, 'main.js'), MAIN_JS);
  }
  await npmInstall(dir, flags, from);
}

function npmInstall(dir, flags, from) {
  return promisify(execFile)('npm', ['install', '--no-audit', '--no-fund', '--offline', ...flags, from], {
    cwd: dir,
    env: { ...process.env, npm_config_update_notifier: 'false' },
    timeout: 60_000,
  });
}

before(async () => {
  await lstat(path.join(PKG, 'factcards_bg.wasm')).catch(() => {
    throw new Error('pkg/ is missing: run bash scripts/build.sh first');
  });
  work = await mkdtemp(path.join(tmpdir(), 'factcards-bundler-'));
  copied = path.join(work, 'app-copy');
  linked = path.join(work, 'app-link');
  packed = path.join(work, 'app-webpack');
  await Promise.all([
    makeApp(copied, ['--install-links']),
    makeApp(linked, []),
    makeApp(packed, ['--install-links'], { webpack: true }),
  ]);
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * Opens `url` in a fresh page and records the wasm responses and console
 * warnings. With `mounted`, waits for a card front; otherwise for the
 * page's error.
 */
async function open(url, { mounted = true, route } = {}) {
  const page = await newPage(browser);
  const errors = trackErrors(page);
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  const wasm = [];
  page.on('response', (res) => {
    if (res.url().endsWith('.wasm')) wasm.push({ url: res.url(), status: res.status(), type: res.headers()['content-type'] });
  });
  if (route) await route(page);
  const failed = mounted ? null : page.waitForEvent('pageerror', { timeout: 15_000 });
  await page.goto(url);
  let front = null;
  if (mounted) {
    front = (await page.locator('#cards [part~="front"] .prompt').first().textContent({ timeout: 15_000 })).trim();
  } else {
    await failed;
  }
  return { page, errors, warnings, wasm, front };
}

async function devServer(root, { fs, force = false } = {}) {
  const vite = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    clearScreen: false,
    optimizeDeps: { force },
    server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false, watch: null, fs },
  });
  await vite.listen();
  const url = vite.resolvedUrls.local[0];
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/, 'the dev server listens on 127.0.0.1 only');
  return { url, close: () => vite.close() };
}

test('install: --install-links copies pkg/ into node_modules, a plain install links it', async () => {
  const copy = await lstat(path.join(copied, 'node_modules/factcards'));
  assert.ok(copy.isDirectory() && !copy.isSymbolicLink(), '--install-links: a real directory');
  const files = await readdir(path.join(copied, 'node_modules/factcards'));
  for (const f of ['factcards.js', 'factcards_bg.wasm', 'factcards.d.ts', 'package.json', 'snippets']) {
    assert.ok(files.includes(f), `${f} is installed (${files.join(', ')})`);
  }
  const link = await lstat(path.join(linked, 'node_modules/factcards'));
  assert.ok(link.isSymbolicLink(), 'without --install-links: a symlink to pkg/');
});

test('vite build: the wasm becomes a hashed asset and dist/ mounts the widget', async () => {
  await build({ root: copied, configFile: false, logLevel: 'silent' });
  const assets = await readdir(path.join(copied, 'dist/assets'));
  const wasmFile = assets.find((f) => /^factcards_bg-[\w-]+\.wasm$/.test(f));
  assert.ok(wasmFile, `dist/assets holds factcards_bg-<hash>.wasm (${assets.join(', ')})`);
  assert.deepEqual(
    await readFile(path.join(copied, 'dist/assets', wasmFile)),
    await readFile(path.join(PKG, 'factcards_bg.wasm')),
    'the asset is the package wasm, byte for byte',
  );
  // The element's snippet imports the glue dynamically (to call its init()
  // itself), so Vite 8 puts the glue in a chunk of its own, with a facade for
  // that import: one copy of the glue, whatever imports it.
  const bundle = assets.filter((f) => f.endsWith('.js'));
  const texts = await Promise.all(bundle.map((f) => readFile(path.join(copied, 'dist/assets', f), 'utf8')));
  const glue = bundle.filter((_, i) => texts[i].includes('__wbindgen_start'));
  assert.equal(glue.length, 1, `one copy of the glue (${bundle.join(', ')})`);
  const js = texts[bundle.indexOf(glue[0])];
  assert.ok(js.includes(wasmFile), "the glue's new URL(…, import.meta.url) names the hashed asset");
  assert.ok(bundle.length <= 3, `the entry, the glue and the facade at most (${bundle.join(', ')})`);

  const dist = await startServer({ www: path.join(copied, 'dist'), pkg: path.join(copied, 'dist') });
  try {
    const { page, errors, warnings, wasm, front } = await open(dist.url);
    assert.ok(FRONTS.includes(front), `a card front of the deck is shown: ${JSON.stringify(front)}`);
    assert.deepEqual(wasm, [{ url: `${dist.url}assets/${wasmFile}`, status: 200, type: 'application/wasm' }]);
    assert.deepEqual(warnings.filter((w) => /instantiateStreaming/.test(w)), [], 'compiled while streaming');
    assert.deepEqual(errors, []);
    await page.context().close();
  } finally {
    await dist.close();
  }
});

test('vite dev, --install-links: the wasm is served (200, application/wasm) and the widget mounts', async () => {
  const dev = await devServer(copied);
  try {
    const { page, errors, wasm, front } = await open(dev.url);
    assert.ok(FRONTS.includes(front), `a card front of the deck is shown: ${JSON.stringify(front)}`);
    assert.equal(wasm.length, 1, JSON.stringify(wasm));
    assert.equal(wasm[0].status, 200);
    assert.equal(wasm[0].type, 'application/wasm');
    assert.match(wasm[0].url, /\/node_modules\/factcards\/factcards_bg\.wasm$/);
    assert.deepEqual(errors, []);
    await page.context().close();
  } finally {
    await dev.close();
  }
});

test('vite dev, symlinked install (the documented problem): 403 for the wasm, init() rejects', async () => {
  const dev = await devServer(linked);
  try {
    const { page, errors, wasm } = await open(dev.url, { mounted: false });
    assert.equal(wasm.length, 1, JSON.stringify(wasm));
    assert.equal(wasm[0].status, 403, 'the wasm lies outside server.fs.allow');
    assert.ok(wasm[0].url.endsWith(`/@fs${PKG}/factcards_bg.wasm`), wasm[0].url);
    assert.ok(
      errors.some((e) => /failed to fetch Wasm: 403 Forbidden/.test(e)),
      `init() rejects with the status: ${JSON.stringify(errors)}`,
    );
    assert.equal(await page.locator('#cards [part~="front"]').count(), 0, 'nothing mounted');
    await page.context().close();
  } finally {
    await dev.close();
  }
});

test('vite build, symlinked install: not affected, the wasm is bundled', async () => {
  await build({ root: linked, configFile: false, logLevel: 'silent' });
  const assets = await readdir(path.join(linked, 'dist/assets'));
  const wasmFile = assets.find((f) => /^factcards_bg-[\w-]+\.wasm$/.test(f));
  assert.ok(wasmFile, assets.join(', '));
  assert.deepEqual(await readFile(path.join(linked, 'dist/assets', wasmFile)), await readFile(path.join(PKG, 'factcards_bg.wasm')));
});

test('vite dev, symlinked install with pkg/ in server.fs.allow: the wasm is served and the widget mounts', async () => {
  // The README's vite.config.js, with the app as the working directory.
  const allow = [searchForWorkspaceRoot(linked), path.relative(linked, PKG)];
  assert.ok(allow[1].startsWith('..'), allow[1]);
  const dev = await devServer(linked, { fs: { allow } });
  try {
    const { page, errors, wasm, front } = await open(dev.url);
    assert.ok(FRONTS.includes(front), `a card front of the deck is shown: ${JSON.stringify(front)}`);
    assert.deepEqual(wasm.map((w) => [w.status, w.type]), [[200, 'application/wasm']], JSON.stringify(wasm));
    assert.ok(wasm[0].url.endsWith(`/@fs${PKG}/factcards_bg.wasm`), wasm[0].url);
    assert.deepEqual(errors, []);
    await page.context().close();
  } finally {
    await dev.close();
  }
});

test('webpack 5, no config: npx webpack emits the wasm as an asset and dist/ mounts the widget', async () => {
  const webpack = path.join(REPO_ROOT, 'tests/e2e/node_modules/.bin/webpack');
  await promisify(execFile)(webpack, ['--mode', 'production'], { cwd: packed, timeout: 60_000 });
  const dist = path.join(packed, 'dist');
  const files = await readdir(dist);
  const wasmFile = files.find((f) => /^[0-9a-f]+\.wasm$/.test(f));
  assert.ok(wasmFile && files.includes('main.js'), `dist/ holds main.js and <hash>.wasm (${files.join(', ')})`);
  assert.deepEqual(await readFile(path.join(dist, wasmFile)), await readFile(path.join(PKG, 'factcards_bg.wasm')));
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>webpack</title></head>' +
      '<body><div id="cards"></div><script src="main.js"></script></body></html>',
  );
  const srv = await startServer({ www: dist, pkg: dist });
  try {
    const { page, errors, warnings, wasm, front } = await open(srv.url);
    assert.ok(FRONTS.includes(front), `a card front of the deck is shown: ${JSON.stringify(front)}`);
    assert.deepEqual(wasm, [{ url: `${srv.url}${wasmFile}`, status: 200, type: 'application/wasm' }]);
    assert.deepEqual(warnings.filter((w) => /instantiateStreaming/.test(w)), [], 'compiled while streaming');
    assert.deepEqual(errors, []);
    await page.context().close();
  } finally {
    await srv.close();
  }
});

test('after a rebuild of pkg/: npm keeps its old copy until it is removed, vite dev its old pre-bundle until --force', async () => {
  const rebuilt = path.join(work, 'pkg-rebuilt');
  const app = path.join(work, 'app-rebuild');
  await cp(PKG, rebuilt, { recursive: true });
  await makeApp(app, ['--install-links'], { from: rebuilt });
  const MARK = '__factcardsRebuilt';
  /** The glue as vite dev serves it (its pre-bundle in node_modules/.vite/deps). */
  const servedGlue = async (force) => {
    const dev = await devServer(app, { force });
    try {
      assert.equal((await fetch(dev.url + 'main.js')).status, 200);
      const res = await fetch(dev.url + 'node_modules/.vite/deps/factcards.js');
      assert.equal(res.status, 200);
      return await res.text();
    } finally {
      await dev.close();
    }
  };
  const installed = () => readFile(path.join(app, 'node_modules/factcards/factcards.js'), 'utf8');

  assert.ok(!(await servedGlue(false)).includes(MARK), 'first start: the pre-bundle of the old glue');
  await appendFile(path.join(rebuilt, 'factcards.js'), `\nglobalThis.${MARK} = 1;\n`); // "the rebuild"
  await npmInstall(app, ['--install-links'], rebuilt);
  assert.ok(!(await installed()).includes(MARK), 'installing again keeps the old copy ("up to date")');
  await rm(path.join(app, 'node_modules/factcards'), { recursive: true });
  await npmInstall(app, ['--install-links'], rebuilt);
  assert.ok((await installed()).includes(MARK), 'removed first, the copy is the new build');
  assert.ok(!(await servedGlue(false)).includes(MARK), 'vite dev still serves its pre-bundle of the old glue');
  assert.ok((await servedGlue(true)).includes(MARK), '--force: the pre-bundle of the new glue');
});

// ---------------------------------------------------------------------------
// Loading: pkg/ served as it is, by the demo server.

/** Serves `html` at server.url + name for this page only. */
function htmlRoute(name, html) {
  return (page) =>
    page.route(server.url + name, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

const page = (head) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>loading</title>${head}</head>
<body><div id="cards"></div><script type="module">
import init, { mount } from "./pkg/factcards.js";
await init();
mount("#cards", ${JSON.stringify(DECK)});
</script></body></html>`;

test('loading: a wasm not served as application/wasm falls back, with one warning', async () => {
  const route = async (p) => {
    await htmlRoute('t-type.html', page(''))(p);
    await p.route(server.url + 'pkg/factcards_bg.wasm', async (r) => {
      const res = await r.fetch();
      await r.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'application/octet-stream' } });
    });
  };
  const { page: p, errors, warnings, wasm, front } = await open(server.url + 't-type.html', { route });
  assert.ok(FRONTS.includes(front), `it still mounts: ${JSON.stringify(front)}`);
  assert.equal(wasm.length, 1);
  assert.equal(wasm[0].type, 'application/octet-stream');
  const fallback = warnings.filter((w) => /instantiateStreaming` failed because your server does not serve Wasm with `application\/wasm`/.test(w));
  assert.equal(fallback.length, 1, `the glue's warning: ${JSON.stringify(warnings)}`);
  assert.deepEqual(errors, []);
  await p.context().close();
});

const PRELOADS =
  '<link rel="modulepreload" href="pkg/factcards.js">' +
  '<link rel="preload" href="pkg/factcards_bg.wasm" as="fetch" type="application/wasm" crossorigin>';

/** Loads a page with `head`; returns the requests for pkg/factcards.js and the wasm, and the warnings. */
async function preloadRun(name, head, { settle = 0 } = {}) {
  const requests = [];
  const route = async (p) => {
    await htmlRoute(name, page(head))(p);
    p.on('request', (r) => {
      if (/\/pkg\/factcards(\.js|_bg\.wasm)$/.test(r.url())) requests.push(r.url().slice(server.url.length));
    });
  };
  const run = await open(server.url + name, { route });
  assert.ok(FRONTS.includes(run.front), `it mounts: ${JSON.stringify(run.front)}`);
  if (settle) await run.page.waitForTimeout(settle);
  await run.page.context().close();
  return { ...run, requests: requests.sort() };
}

test('loading: the two preload tags are used (one request each, no warning)', async () => {
  // Chromium warns a few seconds after load when a preload goes unused.
  const { requests, warnings, errors } = await preloadRun('t-preload.html', PRELOADS, { settle: 3500 });
  assert.deepEqual(requests, ['pkg/factcards.js', 'pkg/factcards_bg.wasm']);
  assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), []);
  assert.deepEqual(errors, []);
});

test('loading: without crossorigin the wasm preload is wasted (fetched twice)', async () => {
  const head = PRELOADS.replace(' crossorigin>', '>');
  assert.notEqual(head, PRELOADS);
  const { requests, errors } = await preloadRun('t-preload-nocors.html', head);
  assert.deepEqual(requests, ['pkg/factcards.js', 'pkg/factcards_bg.wasm', 'pkg/factcards_bg.wasm']);
  assert.deepEqual(errors, []);
});
