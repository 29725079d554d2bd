#!/usr/bin/env bash
# The release build: wasm-pack, then wasm-opt -Oz from binaryen's npm package,
# then the JS (wasm-bindgen's glue and the snippets) minified by esbuild.
#
#   bash scripts/build.sh [--out-dir DIR]     # default: pkg/
#
# wasm-opt is off in Cargo.toml on purpose: Debian's binaryen (wasm-opt 108)
# rewrites this wasm-bindgen's reference-types output into a module that fails
# to instantiate ("WebAssembly.Table.set(): Argument 1 is invalid"). A plain
# `wasm-pack build --target web` therefore always gives a working, larger
# package; this script adds the optimisation with binaryen 132 from npm
# (tests/e2e/node_modules, installed by scripts/install.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FC_ROOT"

OUT=pkg
if [ "${1:-}" = "--out-dir" ] && [ -n "${2:-}" ]; then OUT="$2"; fi
WASM_OPT="$FC_ROOT/tests/e2e/node_modules/.bin/wasm-opt"
[ -x "$WASM_OPT" ] || fc_die "binaryen's wasm-opt is missing: run bash scripts/install.sh"

# wasm-bindgen never removes stale snippet files; the size test counts them.
rm -rf "$OUT/snippets"
wasm-pack build --target web --release --out-dir "$OUT"
wasm="$OUT/factcards_bg.wasm"
before=$(stat -c %s "$wasm")
"$WASM_OPT" "$wasm" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
fc_say "wasm-opt -Oz: $before -> $(stat -c %s "$wasm") bytes ($wasm)"

# The JS a page downloads, minified (comments, white space, local names):
# -3.4 KB gzip when measured. The sources stay readable in src/dom/.
ESBUILD="$FC_ROOT/tests/e2e/node_modules/.bin/esbuild"
[ -x "$ESBUILD" ] || fc_die "esbuild is missing: run bash scripts/install.sh"
minified=0
while IFS= read -r -d '' js; do
  "$ESBUILD" "$js" --minify --format=esm --log-level=warning --outfile="$js.min"
  mv "$js.min" "$js"
  minified=$((minified + 1))
done < <(find "$OUT/factcards.js" "$OUT/snippets" -name '*.js' -print0)
fc_say "minified: $minified JS file(s) in $OUT"

# The deck editor's package (www/editor.html): the `editor` feature in its own
# wasm, so pkg/ (what a reader downloads) carries none of it.
if [ "$OUT" = pkg ]; then wasm-pack build --target web --release --out-dir pkg-editor --out-name factcards_editor -- --features editor; fi
