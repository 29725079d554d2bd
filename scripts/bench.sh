#!/usr/bin/env bash
# The benchmark: the wasm widget against a hand-written vanilla-JS baseline
# (bench/vanilla/) that does what the bench times with the same markup, style
# sheet and rules, in headless Chromium.
#
#   bash scripts/bench.sh [--rounds N] [--no-write] [--parity-only] [--phone-only]
#
# 1. Builds the release into bench/results/pkg (not the shared pkg/) with the
#    command users run, `wasm-pack build --target web --release`, with
#    binaryen's npm package first on PATH (scripts/lib.sh: fc_release_build).
# 2. Runs bench/run.mjs: parity checks (on the timed paths the vanilla
#    version must find the same issues and leave the same DOM, focus and
#    events as the widget), then every measurement for N rounds (default 5),
#    alternating widget and vanilla, each on a fresh page.
# 3. Writes BENCHMARKS.md (and the raw samples to bench/results/results.json).
#    Exits 1 when a parity check fails.
#
# Takes 3 to 6 minutes on 2 CPUs. Environment: CARGO_TARGET_DIR (cargo's
# default when unset), CHROMIUM (default /usr/bin/chromium). Needs what
# scripts/install.sh installs (wasm-pack, tests/e2e/node_modules).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FC_ROOT"

[ -d tests/e2e/node_modules/playwright-core ] || fc_die "tests/e2e/node_modules is missing: run bash scripts/install.sh"

OUT=bench/results/pkg
fc_say "bench: building the release into $OUT"
rm -rf "$OUT"
fc_release_build --out-dir "$OUT"

node bench/run.mjs "$@"
