#!/usr/bin/env bash
# THE test command: installs what is missing, then runs every layer of checks,
# going on after a failing layer so that all layers report.
#
#   bash scripts/test.sh
#
# Layers (each one's full log is in target/test-logs/<layer>.log):
#   install           scripts/install.sh                               1 check
#   fmt               cargo fmt --check                                1 check
#   clippy            cargo clippy --all-targets -- -D warnings, native  1 check
#                     and --target wasm32-unknown-unknown (+ editor)
#   native            cargo test --no-fail-fast                        its tests
#   browser-chromium  wasm-pack test --headless --chrome  -- --test web  its tests
#   browser-firefox   wasm-pack test --headless --firefox -- --test web  its tests
#   browser-webkit    xvfb-run wasm-pack test --headless --safari
#                     (WebKitWebDriver) -- --test web                  its tests
#   build             scripts/build.sh (wasm-pack build --target web --release,
#                     wasm-opt from npm binaryen; pkg/ and pkg-editor/)  1 check
#   e2e-chromium      FC_ENGINE=chromium node --test tests/e2e/*.test.mjs  its tests
#   e2e-firefox       FC_ENGINE=firefox  node --test tests/e2e/*.test.mjs
#                     (not size.test.mjs, which uses no browser)       its tests
#   e2e-webkit        xvfb-run node --test tests/e2e/webkit/*.test.mjs its tests
#
# Counting: a check is 1 passed or 1 failed. A test layer adds up the
# "test result: ... N passed; M failed" lines (cargo, wasm-bindgen-test) or the
# "# pass N" / "# fail N" / "# cancelled N" lines of node's TAP report. A test
# layer that exits non-zero without a failed test (e.g. a compile error), or
# that ran zero tests, counts as 1 failed. The last line is always
# "N passed, N failed"; the exit status is 1 when anything failed.
#
# Environment: VERBOSE=1 also streams each layer's output to the console.
# SKIP_INSTALL=1 skips scripts/install.sh.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FC_ROOT" || exit 1

export CARGO_TERM_COLOR=never
export NO_COLOR=1
export FORCE_COLOR=0
export RUST_BACKTRACE="${RUST_BACKTRACE:-1}"

LOG_DIR="target/test-logs"
mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.log "$LOG_DIR"/*.tap

TOTAL_PASSED=0
TOTAL_FAILED=0
SUMMARY=()
BUILD_OK=0

have_timeout=0
command -v timeout >/dev/null 2>&1 && have_timeout=1

strip_ansi() { sed -E 's/\x1b(\[[0-9;?]*[A-Za-z]|[()][A-Za-z0-9])//g' "$@"; }

# Ctrl-C / TERM: stop the running layer (and everything it started) and quit.
# Layers run in the background and are waited for, so that this trap runs
# at once rather than after the layer ends; `timeout` puts each layer in its
# own process group, which is killed as a whole.
CHILD=""
on_interrupt() {
  trap - INT TERM
  echo
  echo "[test.sh] interrupted"
  if [ -n "$CHILD" ]; then
    kill -TERM -- "-$CHILD" 2>/dev/null || kill -TERM "$CHILD" 2>/dev/null
  fi
  exit 130
}
trap on_interrupt INT TERM

# Run a command with its output in $LOG_DIR/<name>.log (and on the console
# with VERBOSE=1), under a time limit. Sets RC.
run_logged() { # name minutes cmd...
  local name="$1" minutes="$2"; shift 2
  local log="$LOG_DIR/$name.log"
  local -a limit=()
  [ "$have_timeout" -eq 1 ] && limit=(timeout --kill-after=30s "${minutes}m")
  {
    printf '$ %s\n' "$*"
    printf '# %s\n\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } >"$log"
  "${limit[@]}" "$@" >>"$log" 2>&1 </dev/null &
  CHILD=$!
  local tailer=""
  if [ "${VERBOSE:-0}" = 1 ]; then
    tail -n +1 -f --pid="$CHILD" "$log" &
    tailer=$!
  fi
  wait "$CHILD"
  RC=$?
  CHILD=""
  if [ -n "$tailer" ]; then wait "$tailer" 2>/dev/null; fi
  if [ "$RC" -eq 124 ] || [ "$RC" -eq 137 ]; then
    printf '\n[test.sh] timed out after %s minutes (exit %s)\n' "$minutes" "$RC" >>"$log"
  fi
}

# Print the interesting end of a failed layer's log.
show_failure() { # name
  local log="$LOG_DIR/$1.log"
  echo "---- $1 failed; end of $log ----"
  strip_ansi "$log" |
    grep -vE '^[[:space:]]*(Compiling|Checking|Downloaded|Downloading|Fresh|Blocking|Updating|Locking|Adding|Documenting)[[:space:]]' |
    grep -vE '^test .* \.\.\. (ok|ignored)$|^[[:space:]]*✔ ' |
    tail -n "${FAIL_LINES:-120}"
  echo "---- (full log: $log) ----"
}

record() { # name passed failed seconds note
  local name="$1" passed="$2" failed="$3" secs="$4" note="${5:-}"
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
  local status=PASS
  [ "$failed" -gt 0 ] && status=FAIL
  local line
  line="$(printf '%-4s %-16s %4d passed, %4d failed  (%ss)' "$status" "$name" "$passed" "$failed" "$secs")"
  [ -n "$note" ] && line="$line  $note"
  SUMMARY+=("$line")
  echo "$line"
  if [ "$status" = FAIL ] && [ -f "$LOG_DIR/$name.log" ]; then show_failure "$name"; fi
}

# A layer that is one check: passes when the command exits 0.
check_layer() { # name minutes cmd...
  local name="$1" minutes="$2"; shift 2
  echo "== $name: $*"
  local start=$SECONDS
  run_logged "$name" "$minutes" "$@"
  if [ "$RC" -eq 0 ]; then
    record "$name" 1 0 $((SECONDS - start))
  elif [ "$RC" -eq 124 ] || [ "$RC" -eq 137 ]; then
    record "$name" 0 1 $((SECONDS - start)) "(timed out after $minutes min)"
  else
    record "$name" 0 1 $((SECONDS - start)) "(exit $RC)"
  fi
}

# Sum "test result: ok. N passed; M failed; ..." lines (libtest and
# wasm-bindgen-test-runner). Prints "passed failed".
count_libtest() { # log
  strip_ansi "$1" | awk '
    /^[[:space:]]*test result:/ {
      for (i = 2; i <= NF; i++) {
        if ($i ~ /^passed;?$/) p += $(i - 1)
        if ($i ~ /^failed;?$/) f += $(i - 1)
      }
    }
    END { print p + 0, f + 0 }'
}

# Sum the "# pass N", "# fail N" and "# cancelled N" lines of node's TAP
# report (cancelled tests count as failed). Prints "passed failed".
count_tap() { # tapfile
  [ -f "$1" ] || { echo "0 0"; return; }
  strip_ansi "$1" | awk '
    /^# pass /      { p += $3 }
    /^# fail /      { f += $3 }
    /^# cancelled / { f += $3 }
    END { print p + 0, f + 0 }'
}

# A layer that runs tests: count them with <counter> over <countfile>.
test_layer() { # name minutes counter countfile cmd...
  local name="$1" minutes="$2" counter="$3" countfile="$4"; shift 4
  echo "== $name: $*"
  local start=$SECONDS
  run_logged "$name" "$minutes" "$@"
  local passed failed note=""
  read -r passed failed < <("$counter" "$countfile")
  if [ "$RC" -eq 124 ] || [ "$RC" -eq 137 ]; then
    [ "$failed" -eq 0 ] && failed=1
    note="(timed out after $minutes min)"
  elif [ "$RC" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
    note="(exit $RC without a failed test: build error or crash?)"
  elif [ "$RC" -ne 0 ]; then
    note="(exit $RC)"
  fi
  if [ $((passed + failed)) -eq 0 ]; then
    failed=1
    note="(ran zero tests)"
  fi
  record "$name" "$passed" "$failed" $((SECONDS - start)) "$note"
}

echo "factcards tests — logs in $LOG_DIR/"

# --- install ---------------------------------------------------------------
if [ "${SKIP_INSTALL:-0}" = 1 ]; then
  echo "== install: skipped (SKIP_INSTALL=1)"
else
  echo "== install: bash scripts/install.sh"
  start=$SECONDS
  bash scripts/install.sh 2>&1 | tee "$LOG_DIR/install.log"
  RC=${PIPESTATUS[0]}
  if [ "$RC" -eq 0 ]; then
    record install 1 0 $((SECONDS - start))
  else
    record install 0 1 $((SECONDS - start)) "(exit $RC)"
  fi
fi

# --- static checks ---------------------------------------------------------
check_layer fmt 10 cargo fmt --check
# Native, then the wasm build with and without the editor's feature (its
# cfg'd code and tests/web.rs compile only there).
check_layer clippy 40 bash -c 'cargo clippy --all-targets -- -D warnings &&
  cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings &&
  cargo clippy --target wasm32-unknown-unknown --all-targets --features editor -- -D warnings'

# --- native tests ------------------------------------------------------------
test_layer native 40 count_libtest "$LOG_DIR/native.log" cargo test --no-fail-fast

# --- browser unit tests (wasm-bindgen-test) in the three engines -------------
# webdriver.json (crate root) points chromedriver at /usr/bin/chromium and
# geckodriver at /usr/bin/firefox-esr; the safari driver gets no options
# from it, and WebKitWebDriver starts WebKitGTK's MiniBrowser, which needs a
# display: xvfb-run gives it one.
# wasm-bindgen-test-runner takes the first of GECKODRIVER, SAFARIDRIVER,
# CHROMEDRIVER set in the environment, whatever wasm-pack was asked for: each
# layer clears them (wasm-pack then sets the one of its flag), and fails if
# its log does not say it ran in the engine it is named after.
NO_DRIVERS=(env -u GECKODRIVER -u SAFARIDRIVER -u CHROMEDRIVER -u MSEDGEDRIVER
  -u GECKODRIVER_REMOTE -u SAFARIDRIVER_REMOTE -u CHROMEDRIVER_REMOTE -u MSEDGEDRIVER_REMOTE)
browser_layer() { # name engine-as-the-runner-names-it cmd...
  local name="$1" engine="$2"; shift 2
  test_layer "$name" 30 count_libtest "$LOG_DIR/$name.log" "$@"
  if ! grep -q "Running headless tests in $engine " "$LOG_DIR/$name.log"; then
    record "$name" 0 1 0 "(the log does not say \"Running headless tests in $engine\")"
  fi
}
browser_layer browser-chromium Chrome "${NO_DRIVERS[@]}" \
  wasm-pack test --headless --chrome --chromedriver "$CHROMEDRIVER" -- --test web
browser_layer browser-firefox Firefox "${NO_DRIVERS[@]}" \
  wasm-pack test --headless --firefox --geckodriver "$FC_GECKODRIVER" -- --test web
browser_layer browser-webkit Safari "${NO_DRIVERS[@]}" xvfb-run -a \
  wasm-pack test --headless --safari --safaridriver "$WEBKIT_DRIVER" -- --test web

# --- release build -------------------------------------------------------------
echo "== build: bash scripts/build.sh"
start=$SECONDS
# wasm-bindgen adds snippet files but never removes stale ones; start clean
# so the size test counts only what this build emits.
rm -rf pkg/snippets
run_logged build 40 bash scripts/build.sh
if [ "$RC" -eq 0 ] && [ -s pkg/factcards.js ] && [ -s pkg/factcards_bg.wasm ]; then
  BUILD_OK=1
  record build 1 0 $((SECONDS - start))
elif [ "$RC" -eq 0 ]; then
  record build 0 1 $((SECONDS - start)) "(pkg/factcards.js or pkg/factcards_bg.wasm missing)"
else
  record build 0 1 $((SECONDS - start)) "(exit $RC)"
fi

# --- end-to-end tests -----------------------------------------------------------
# node:test + playwright-core in Chromium and in Firefox ESR (FC_ENGINE, see
# tests/e2e/harness.mjs), then node:test + webdriverio in WebKitGTK's
# MiniBrowser under xvfb-run (tests/e2e/webkit/). A 24-bit screen, as
# xvfb-run's default is 8-bit and the screenshots would lose colours.
e2e_layer() { # name minutes cmd...
  local name="$1" minutes="$2"; shift 2
  test_layer "$name" "$minutes" count_tap "$LOG_DIR/$name.tap" "$@"
}
tap_args() { # name
  printf '%s\n' --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap "--test-reporter-destination=$LOG_DIR/$1.tap"
}
if [ "$BUILD_OK" -eq 1 ]; then
  shopt -s nullglob
  e2e_files=(tests/e2e/*.test.mjs)
  webkit_files=(tests/e2e/webkit/*.test.mjs)
  shopt -u nullglob
  browser_files=()
  for f in "${e2e_files[@]}"; do
    [ "$f" = tests/e2e/size.test.mjs ] || browser_files+=("$f")
  done
  rm -f target/size.json
  mapfile -t args < <(tap_args e2e-chromium)
  e2e_layer e2e-chromium 30 env FC_ENGINE=chromium node --test "${args[@]}" "${e2e_files[@]}"
  if [ -f target/size.json ]; then
    node -e 'const s = require("./target/size.json");
      const kb = (n) => (n / 1024).toFixed(1) + " KB";
      console.log(`     size: raw ${kb(s.total.raw)}, gzip ${kb(s.total.gzip)}, brotli ${kb(s.total.brotli)} (budget gzip ${kb(s.budget.gzip)})`);' 2>/dev/null || true
  fi
  mapfile -t args < <(tap_args e2e-firefox)
  e2e_layer e2e-firefox 30 env FC_ENGINE=firefox node --test "${args[@]}" "${browser_files[@]}"
  mapfile -t args < <(tap_args e2e-webkit)
  e2e_layer e2e-webkit 20 xvfb-run -a -s "-screen 0 1600x1200x24" \
    node --test "${args[@]}" "${webkit_files[@]}"
else
  for name in e2e-chromium e2e-firefox e2e-webkit; do
    echo "== $name: skipped, the build failed"
    record "$name" 0 1 0 "(not run: the build failed)"
  done
fi

# --- summary -------------------------------------------------------------------
echo
echo "== summary (logs: $LOG_DIR/)"
for line in "${SUMMARY[@]}"; do echo "$line"; done
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed"
[ "$TOTAL_FAILED" -eq 0 ]
