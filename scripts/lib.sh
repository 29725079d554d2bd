# Shared helpers for scripts/*.sh. Source it; don't run it.
# shellcheck shell=bash

# Repo root = the parent of this file's directory.
FC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FC_ROOT

# cargo-installed tools (wasm-pack, wasm-bindgen) live here; rustup puts
# cargo here too. Make sure they're found even in a non-login shell.
case ":$PATH:" in
  *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
  *) export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
esac

# The browser and driver the test layers use (Debian's chromium packages).
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Firefox ESR and geckodriver (cargo install), WebKitGTK's WebDriver and
# MiniBrowser (Debian's webkit2gtk-driver), for the other two engines.
# (Not GECKODRIVER: wasm-bindgen-test-runner takes a GECKODRIVER in the
# environment over the driver wasm-pack was asked for, and would run the
# Chromium and WebKit layers in Firefox.)
export FIREFOX="${FIREFOX:-/usr/bin/firefox-esr}"
FC_GECKODRIVER="$(command -v geckodriver 2>/dev/null || echo "${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver")"
export WEBKIT_DRIVER="${WEBKIT_DRIVER:-/usr/bin/WebKitWebDriver}"
export MINIBROWSER="${MINIBROWSER:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

fc_say()  { printf '%s\n' "$*"; }
fc_warn() { printf 'warning: %s\n' "$*" >&2; }
fc_die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version pinned in Cargo.toml (`wasm-bindgen = "=X"` or
# `wasm-bindgen = { version = "=X", ... }`), falling back to Cargo.lock.
fc_wasm_bindgen_version() {
  local v
  v="$(sed -n -E 's/^[[:space:]]*wasm-bindgen[[:space:]]*=[[:space:]]*(\{[^}]*version[[:space:]]*=[[:space:]]*)?"=?[[:space:]]*([0-9]+\.[0-9]+\.[0-9]+)".*/\2/p' \
        "$FC_ROOT/Cargo.toml" | head -n 1)"
  if [ -z "$v" ] && [ -f "$FC_ROOT/Cargo.lock" ]; then
    v="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$FC_ROOT/Cargo.lock")"
  fi
  [ -n "$v" ] || fc_die "could not read the wasm-bindgen version from Cargo.toml"
  printf '%s\n' "$v"
}

# Major version of `node` on PATH, or 0 when there is none.
fc_node_major() {
  if command -v node >/dev/null 2>&1; then
    node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
  else
    echo 0
  fi
}

# version_ge A B: true when version A >= version B.
version_ge() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

# The binaryen that builds the release: npm's (tests/e2e/node_modules, put
# there by scripts/install.sh), first on PATH, so that
# `wasm-pack build --target web --release` runs its wasm-opt with the
# arguments in Cargo.toml. Debian's binaryen (wasm-opt 108) must not be the
# one found: it writes a broken module; Cargo.toml's arguments make it stop
# with "Unknown option '--enable-bulk-memory-opt'" instead.
FC_BINARYEN_BIN="$FC_ROOT/tests/e2e/node_modules/binaryen/bin"
fc_use_npm_binaryen() {
  [ -x "$FC_BINARYEN_BIN/wasm-opt" ] ||
    fc_die "binaryen's wasm-opt is missing ($FC_BINARYEN_BIN): run bash scripts/install.sh"
  case ":$PATH:" in
    "$FC_BINARYEN_BIN:"*) ;;
    *) export PATH="$FC_BINARYEN_BIN:$PATH" ;;
  esac
}

# The release build users run, with npm's binaryen first on PATH. Extra
# arguments (e.g. --out-dir DIR) go to wasm-pack. wasm-bindgen adds snippet
# files but never removes stale ones, so the snippets folder is emptied first.
fc_release_build() { # [--out-dir DIR]
  local out=pkg
  if [ "${1:-}" = "--out-dir" ] && [ -n "${2:-}" ]; then out="$2"; fi
  fc_use_npm_binaryen
  rm -rf "$out/snippets"
  fc_say "building: wasm-pack build --target web --release $* (wasm-opt: $(wasm-opt --version 2>/dev/null | head -n 1))"
  wasm-pack build --target web --release "$@"
}
