// What a page downloads, measured the way a server would send each file:
// raw, gzip -9 and brotli at maximum quality. Shared by the size test
// (tests/e2e/size.test.mjs) and the benchmark (bench/run.mjs).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * True for a file of the package that a page fetches only on demand, so it
 * is not part of what every page downloads: the built-in deck
 * (pkg/snippets/<crate>-<hash>/www/decks/…json, src/dom/builtin.rs), fetched
 * only by a mount without a deck of its own.
 */
export const onDemand = (file) => /[\\/]www[\\/]decks[\\/][^\\/]+\.json$/.test(file);

/** `{raw, gzip, brotli}` byte counts of one file's contents. */
export function compressedSizes(buf) {
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

/** Every file under `dir`, recursively, sorted; `[]` when it does not exist. */
export async function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}
