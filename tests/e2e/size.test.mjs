// Download size budget: what a page fetches to run the widget — the wasm, the
// JS glue and any wasm-bindgen snippets — measured raw, gzip -9 and brotli
// (max quality), each file compressed on its own as a server would send it.
// Writes target/size.json; fails when the gzip total exceeds 40 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PKG = path.join(REPO_ROOT, 'pkg');
export const GZIP_BUDGET = 40 * 1024;

async function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

function measure(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test(`download size: gzip total <= ${GZIP_BUDGET / 1024} KB`, async (t) => {
  const wasm = path.join(PKG, 'factcards_bg.wasm');
  const js = path.join(PKG, 'factcards.js');
  for (const f of [wasm, js]) {
    assert.ok(existsSync(f), `${path.relative(REPO_ROOT, f)} is missing: run wasm-pack build --target web --release`);
  }
  const files = [wasm, js, ...(await listFiles(path.join(PKG, 'snippets')))];

  const rows = [];
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const m = measure(await readFile(file));
    rows.push({ file: path.relative(REPO_ROOT, file), ...m });
    for (const k of Object.keys(total)) total[k] += m[k];
  }

  const report = {
    files: rows,
    total,
    budget: { gzip: GZIP_BUDGET },
    within_budget: total.gzip <= GZIP_BUDGET,
  };
  await mkdir(path.join(REPO_ROOT, 'target'), { recursive: true });
  await writeFile(path.join(REPO_ROOT, 'target', 'size.json'), JSON.stringify(report, null, 2) + '\n');

  const pad = (s, n) => String(s).padStart(n);
  const lines = [
    `${'file'.padEnd(44)} ${pad('raw', 10)} ${pad('gzip -9', 10)} ${pad('brotli', 10)}`,
    ...rows.map((r) => `${r.file.padEnd(44)} ${pad(r.raw, 10)} ${pad(r.gzip, 10)} ${pad(r.brotli, 10)}`),
    `${'total'.padEnd(44)} ${pad(total.raw, 10)} ${pad(total.gzip, 10)} ${pad(total.brotli, 10)}`,
    `size: raw ${kb(total.raw)}, gzip ${kb(total.gzip)}, brotli ${kb(total.brotli)} (budget: gzip ${kb(GZIP_BUDGET)}) -> target/size.json`,
  ];
  for (const line of lines) {
    console.log(line);
    t.diagnostic(line);
  }

  assert.ok(
    total.gzip <= GZIP_BUDGET,
    `gzip total ${total.gzip} bytes (${kb(total.gzip)}) exceeds the budget of ${GZIP_BUDGET} bytes`,
  );
});
