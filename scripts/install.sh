#!/usr/bin/env bash
# Installs what the build, the demo and the tests need. Idempotent: every
# tool is checked first and a second run only prints "ok: ..." lines.
#
#   bash scripts/install.sh          # everything scripts/test.sh needs
#   bash scripts/install.sh --demo   # only what scripts/demo.sh needs
#                                    # (no browsers or drivers)
#
# Assumes Debian (apt) with Rust installed through rustup. Runs as root, or
# uses sudo for apt when not root. Logs of installs go to target/install-logs/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=full
for arg in "$@"; do
  case "$arg" in
    --demo) MODE=demo ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fc_die "install.sh: unknown argument: $arg" ;;
  esac
done

# The wasm-pack version installed when there is none (or one older than
# WASM_PACK_MIN). A newer wasm-pack already on PATH is accepted.
WASM_PACK_VERSION="${WASM_PACK_VERSION:-0.15.1}"
WASM_PACK_MIN=0.13.0
NODE_MIN_MAJOR=18

LOG_DIR="$FC_ROOT/target/install-logs"
mkdir -p "$LOG_DIR"

# Run a long install step with its output in a log file; on failure show the
# end of the log and stop.
run_logged() { # name cmd...
  local name="$1"; shift
  local log="$LOG_DIR/$name.log"
  if ! "$@" >"$log" 2>&1; then
    echo "---- last lines of $log ----" >&2
    tail -n 40 "$log" >&2
    fc_die "installing $name failed (full log: $log)"
  fi
}

# --- apt ------------------------------------------------------------------
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi
APT_UPDATED=0
apt_install() { # pkg...
  command -v apt-get >/dev/null 2>&1 ||
    fc_die "apt-get not found: install these yourself: $*"
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    fc_die "not root and no sudo: install these yourself: $*"
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    run_logged apt-update $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
    APT_UPDATED=1
  fi
  run_logged "apt-$1" $SUDO env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -o Dpkg::Use-Pty=0 "$@"
}

# --- rust -----------------------------------------------------------------
command -v cargo >/dev/null 2>&1 ||
  fc_die "cargo not found: install Rust with rustup (https://rustup.rs) first"
command -v rustup >/dev/null 2>&1 ||
  fc_die "rustup not found: the wasm32 target is added with rustup"

# A C compiler/linker: rustc links with cc, and wasm-bindgen-cli's
# dependencies (ring) compile C code.
if command -v cc >/dev/null 2>&1; then
  fc_say "ok: cc $(cc -dumpfullversion -dumpversion 2>/dev/null | head -n 1)"
else
  fc_say "installing: gcc (apt)"
  apt_install gcc libc6-dev
fi

if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  fc_say "ok: rust target wasm32-unknown-unknown"
else
  fc_say "installing: rust target wasm32-unknown-unknown"
  run_logged rustup-target rustup target add wasm32-unknown-unknown
fi

# --- apt packages: chromium + chromedriver ---------------------------------
# (No Debian binaryen: its wasm-opt 108 writes a broken module, and the build
# stops on it; the scripts put binaryen 132 from npm, installed with the npm
# packages below, first on PATH.)
APT_PKGS=()
if [ "$MODE" = full ]; then
  if [ -x "$CHROMIUM" ]; then
    fc_say "ok: chromium $("$CHROMIUM" --version 2>/dev/null | head -n 1 | awk '{print $2}')"
  else
    fc_say "installing: chromium (apt)"
    APT_PKGS+=(chromium)
  fi
  if [ -x "$CHROMEDRIVER" ]; then
    fc_say "ok: chromedriver $("$CHROMEDRIVER" --version 2>/dev/null | awk '{print $2}')"
  else
    fc_say "installing: chromium-driver (apt)"
    APT_PKGS+=(chromium-driver)
  fi
  # Firefox ESR (e2e-firefox, browser-firefox) and WebKitGTK's WebDriver with
  # its MiniBrowser (e2e-webkit, browser-webkit), which runs under Xvfb.
  if [ -x "$FIREFOX" ]; then
    fc_say "ok: firefox-esr $("$FIREFOX" --version 2>/dev/null | awk '{print $3}')"
  else
    fc_say "installing: firefox-esr (apt)"
    APT_PKGS+=(firefox-esr)
  fi
  if [ -x "$WEBKIT_DRIVER" ] && [ -x "$MINIBROWSER" ]; then
    fc_say "ok: WebKitWebDriver $(dpkg-query -W -f '${Version}' webkit2gtk-driver 2>/dev/null || echo '(version unknown)')"
  else
    fc_say "installing: webkit2gtk-driver (apt)"
    APT_PKGS+=(webkit2gtk-driver)
  fi
  if command -v xvfb-run >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1; then
    fc_say "ok: xvfb-run"
  else
    fc_say "installing: xvfb (apt)"
    APT_PKGS+=(xvfb xauth)
  fi
fi

# --- node (and npm for the end-to-end tests) ------------------------------
node_major="$(fc_node_major)"
if [ "$node_major" -ge "$NODE_MIN_MAJOR" ]; then
  fc_say "ok: node $(node --version)"
else
  if [ "$node_major" -gt 0 ]; then
    fc_say "installing: nodejs (apt; node $(node --version) is older than $NODE_MIN_MAJOR)"
  else
    fc_say "installing: nodejs (apt)"
  fi
  APT_PKGS+=(nodejs)
fi
if true; then
  if command -v npm >/dev/null 2>&1; then
    fc_say "ok: npm $(npm --version 2>/dev/null)"
  else
    fc_say "installing: npm (apt)"
    APT_PKGS+=(npm)
  fi
fi

if [ "${#APT_PKGS[@]}" -gt 0 ]; then
  apt_install "${APT_PKGS[@]}"
  node_major="$(fc_node_major)"
  [ "$node_major" -ge "$NODE_MIN_MAJOR" ] ||
    fc_die "node >= $NODE_MIN_MAJOR is needed; apt gave $(node --version 2>/dev/null || echo none)"
  if [ "$MODE" = full ]; then
    [ -x "$CHROMIUM" ] || fc_die "$CHROMIUM still missing after installing chromium"
    [ -x "$CHROMEDRIVER" ] || fc_die "$CHROMEDRIVER still missing after installing chromium-driver"
    [ -x "$FIREFOX" ] || fc_die "$FIREFOX still missing after installing firefox-esr"
    [ -x "$WEBKIT_DRIVER" ] || fc_die "$WEBKIT_DRIVER still missing after installing webkit2gtk-driver"
    [ -x "$MINIBROWSER" ] || fc_die "$MINIBROWSER still missing after installing webkit2gtk-driver"
    command -v xvfb-run >/dev/null 2>&1 || fc_die "xvfb-run still missing after installing xvfb"
  fi
fi

# --- wasm-pack ------------------------------------------------------------
# Older wasm-packs download their own wasm-opt and wasm-bindgen instead of
# using the ones on PATH, which fails offline.
have_wp=""
if command -v wasm-pack >/dev/null 2>&1; then
  have_wp="$(wasm-pack --version 2>/dev/null | awk '{print $2}')"
fi
if [ -n "$have_wp" ] && version_ge "$have_wp" "$WASM_PACK_MIN"; then
  fc_say "ok: wasm-pack $have_wp"
else
  force=()
  if [ -n "$have_wp" ]; then
    fc_say "installing: wasm-pack $WASM_PACK_VERSION (replacing $have_wp, older than $WASM_PACK_MIN; cargo install, a few minutes; log: target/install-logs/wasm-pack.log)"
    force=(--force)
  else
    fc_say "installing: wasm-pack $WASM_PACK_VERSION (cargo install, a few minutes; log: target/install-logs/wasm-pack.log)"
  fi
  run_logged wasm-pack cargo install wasm-pack --version "$WASM_PACK_VERSION" "${force[@]}"
  fc_say "ok: $(wasm-pack --version | head -n 1)"
fi

# --- wasm-bindgen-cli, the exact version Cargo.toml pins ------------------
# wasm-pack uses the wasm-bindgen on PATH when its version matches the
# crate's, and downloads nothing.
WB_VERSION="$(fc_wasm_bindgen_version)"
have_wb=""
have_runner=""
if command -v wasm-bindgen >/dev/null 2>&1; then
  have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
fi
if command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')"
fi
if [ "$have_wb" = "$WB_VERSION" ] && { [ "$MODE" = demo ] || [ "$have_runner" = "$WB_VERSION" ]; }; then
  fc_say "ok: wasm-bindgen $have_wb"
else
  force=()
  if [ -n "$have_wb$have_runner" ]; then
    fc_say "installing: wasm-bindgen-cli $WB_VERSION (replacing ${have_wb:-none}/${have_runner:-none}; cargo install, a few minutes; log: target/install-logs/wasm-bindgen-cli.log)"
    force=(--force)
  else
    fc_say "installing: wasm-bindgen-cli $WB_VERSION (cargo install, a few minutes; log: target/install-logs/wasm-bindgen-cli.log)"
  fi
  # Not --locked: with it, wasm-bindgen-cli fails to build here.
  run_logged wasm-bindgen-cli cargo install wasm-bindgen-cli --version "$WB_VERSION" "${force[@]}"
  have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
  [ "$have_wb" = "$WB_VERSION" ] ||
    fc_die "wasm-bindgen on PATH is ${have_wb:-missing} ($(command -v wasm-bindgen || true)), expected $WB_VERSION"
  fc_say "ok: wasm-bindgen $have_wb"
fi

# --- geckodriver (Firefox's WebDriver, for wasm-pack test --firefox) -------
# Not packaged by Debian: built with cargo (about 5-10 minutes on 2 cores).
if [ "$MODE" = full ]; then
  if [ -x "$FC_GECKODRIVER" ]; then
    fc_say "ok: geckodriver $("$FC_GECKODRIVER" --version 2>/dev/null | awk 'NR == 1 { print $2 }')"
  else
    fc_say "installing: geckodriver (cargo install --locked, 5-10 minutes; log: target/install-logs/geckodriver.log)"
    run_logged geckodriver cargo install geckodriver --locked
    FC_GECKODRIVER="${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver"
    [ -x "$FC_GECKODRIVER" ] || fc_die "geckodriver still missing after cargo install"
    fc_say "ok: geckodriver $("$FC_GECKODRIVER" --version 2>/dev/null | awk 'NR == 1 { print $2 }')"
  fi
fi

# --- npm packages: the end-to-end tests' (playwright-core, webdriverio,
# axe-core) and binaryen (wasm-opt) ------------------------------------------
if true; then
  E2E="$FC_ROOT/tests/e2e"
  marker="$E2E/node_modules/.package-lock.json"
  if [ -f "$marker" ] && [ ! "$E2E/package-lock.json" -nt "$marker" ] &&
     [ ! "$E2E/package.json" -nt "$marker" ]; then
    fc_say "ok: tests/e2e/node_modules"
  else
    fc_say "installing: tests/e2e/node_modules (npm ci)"
    run_logged npm-ci npm --prefix "$E2E" ci --no-audit --no-fund
    touch "$marker"
  fi
fi
