#!/usr/bin/env bash
# The release build, exactly the command the README gives users:
#
#   wasm-pack build --target web --release
#
# with binaryen's npm package (tests/e2e/node_modules, installed by
# scripts/install.sh) first on PATH, so that wasm-pack runs that wasm-opt with
# the arguments in Cargo.toml ([package.metadata.wasm-pack.profile.release]).
# No step follows: pkg/ is what a user gets.
#
#   bash scripts/build.sh [--out-dir DIR]     # default: pkg/
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FC_ROOT"

fc_release_build "$@"

# The deck editor's package (www/editor.html): the `editor` feature in its own
# wasm, so pkg/ (what a reader downloads) carries none of it.
if [ "${1:-}" != "--out-dir" ] || [ "${2:-}" = pkg ]; then
  fc_release_build --out-dir pkg-editor --out-name factcards_editor -- --features editor
fi
