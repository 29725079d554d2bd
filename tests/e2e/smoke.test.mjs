// Smoke test: the demo page loads in Chromium and the widget renders a card.
// Also checks the static server the demo and these tests rely on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launch, newPage, shot, trackErrors } from './harness.mjs';
import { CSP } from '../../scripts/serve.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('server: types, no-store, CSP pages and no path traversal', async () => {
  const page = await fetch(server.url + 'index.html');
  assert.equal(page.status, 200, 'www/index.html is served');
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  assert.equal(page.headers.get('content-security-policy'), null);

  const wasm = await fetch(server.url + 'pkg/factcards_bg.wasm', { method: 'HEAD' });
  assert.equal(wasm.status, 200, 'pkg/factcards_bg.wasm is served (run wasm-pack build first)');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');

  const js = await fetch(server.url + 'pkg/factcards.js', { method: 'HEAD' });
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);

  for (const evil of ['/%2e%2e/Cargo.toml', '/pkg/%2e%2e/Cargo.toml', '/..%2fCargo.toml', '/pkg/..%2f..%2fCargo.toml', '/%00']) {
    const res = await fetch(server.url.replace(/\/$/, '') + evil);
    assert.ok(res.status === 400 || res.status === 404, `${evil} -> ${res.status}`);
    assert.ok(!(await res.text()).includes('[package]'), `${evil} must not leak Cargo.toml`);
  }
});

test('server: pages named csp* get the strict Content-Security-Policy', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'factcards-serve-'));
  await writeFile(path.join(dir, 'csp.html'), '<!doctype html><title>csp</title>');
  await writeFile(path.join(dir, 'plain.html'), '<!doctype html><title>plain</title>');
  const local = await startServer({ www: dir, pkg: dir });
  try {
    const csp = await fetch(local.url + 'csp.html');
    assert.equal(csp.status, 200);
    assert.equal(
      csp.headers.get('content-security-policy'),
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    );
    assert.equal(csp.headers.get('content-security-policy'), CSP);
    const plain = await fetch(local.url + 'plain.html');
    assert.equal(plain.headers.get('content-security-policy'), null);
  } finally {
    await local.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('index.html renders a visible card', async () => {
  browser = await launch();
  const page = await newPage(browser);
  const errors = trackErrors(page);
  const response = await page.goto(server.url + 'index.html');
  assert.equal(response.status(), 200);

  // The widget renders inside an open shadow root; Playwright's CSS engine
  // pierces it.
  const card = page.locator('[part~="card"]').first();
  await card.waitFor({ state: 'visible', timeout: 20_000 });
  assert.ok(await card.isVisible(), 'a [part~="card"] element is visible');
  const box = await card.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, 'the card has a size');

  await shot(page, 'smoke-index');
  assert.deepEqual(errors, [], 'no uncaught errors or console.error on the page');
  await page.context().close();
});
