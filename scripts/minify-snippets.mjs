// The JS snippets the wasm imports, minified at the source: wasm-bindgen
// copies `src/dom/NAME.min.js` into pkg/ as it is, so the plain
// `wasm-pack build --target web --release` ships them small with no step after
// it. The readable sources are `src/dom/NAME.js`; edit those, then run
//
//   node scripts/minify-snippets.mjs           # rewrites the .min.js files
//   node scripts/minify-snippets.mjs --check   # exit 1 if one is stale
//
// (esbuild from tests/e2e/node_modules, installed by scripts/install.sh; the
// size test runs the check.) Measured: -2.1 KB gzip against the readable files.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The snippets, as paths from the repository root. */
export const SNIPPETS = ['src/dom/element.js', 'src/dom/flatten.js', 'src/dom/article.js', 'src/dom/host.js'];

/** `src/dom/x.js` -> `src/dom/x.min.js`. */
export const minName = (file) => file.replace(/\.js$/, '.min.js');

async function esbuild() {
  const url = pathToFileURL(path.join(ROOT, 'tests/e2e/node_modules/esbuild/lib/main.js'));
  try {
    return await import(url.href);
  } catch {
    throw new Error('esbuild is missing (tests/e2e/node_modules): run bash scripts/install.sh');
  }
}

/** `[{file, min, expected, actual}]` for every snippet: `actual` is the file on disk, or null. */
export async function minifiedSnippets() {
  const { transform } = await esbuild();
  const out = [];
  for (const file of SNIPPETS) {
    const source = await readFile(path.join(ROOT, file), 'utf8');
    const { code } = await transform(source, { minify: true, format: 'esm', loader: 'js', charset: 'utf8', logLevel: 'warning' });
    const min = minName(file);
    const actual = await readFile(path.join(ROOT, min), 'utf8').catch(() => null);
    out.push({ file, min, expected: code, actual });
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const s of await minifiedSnippets()) {
    if (s.actual === s.expected) {
      console.log(`ok: ${s.min}`);
    } else if (check) {
      console.error(`stale: ${s.min} is not the minified ${s.file}`);
      stale++;
    } else {
      await writeFile(path.join(ROOT, s.min), s.expected);
      console.log(`wrote: ${s.min} (${s.expected.length} bytes, from ${s.file})`);
    }
  }
  if (stale) {
    console.error('run: node scripts/minify-snippets.mjs');
    process.exit(1);
  }
}
