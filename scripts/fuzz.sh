#!/usr/bin/env bash
# Fuzzes for a fixed time: runs the property tests of tests/hardening.rs (the
# validator over arbitrary JSON trees and near-decks, the quiz generator over
# arbitrary valid decks, the app over random messages and corrupt saved
# progress) again and again with a new seed each round and more cases per
# round (as many as fit the time left), until the time is up. Prints the
# number of cases run. (The fixed tests of the file, which do not take
# the seed, are left to the test command.)
#
#   bash scripts/fuzz.sh                         # 300 seconds
#   FACTCARDS_FUZZ_SECONDS=3600 bash scripts/fuzz.sh
#   FACTCARDS_FUZZ_SEED=42 bash scripts/fuzz.sh  # first seed (default: the clock)
#
# A failure stops the run and prints the seed and case count that reproduce
# it: FACTCARDS_FUZZ_SEED=S FACTCARDS_FUZZ_CASES=N cargo test --test hardening
# (proptest shrinks the failing input and prints the minimal one). The test
# command (scripts/test.sh) runs the same file with 200 cases per property.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FC_ROOT" || exit 1

budget="${FACTCARDS_FUZZ_SECONDS:-300}"
cases="${FACTCARDS_FUZZ_CASES:-200}"
seed="${FACTCARDS_FUZZ_SEED:-$(date +%s)}"
max_cases=100000
case "$budget$cases$seed" in
  *[!0-9]*) fc_die "FACTCARDS_FUZZ_SECONDS, FACTCARDS_FUZZ_CASES and FACTCARDS_FUZZ_SEED must be whole numbers" ;;
esac

log_dir="target/fuzz-logs"
mkdir -p "$log_dir"

fc_say "fuzz: building tests/hardening.rs"
if ! cargo test --test hardening --no-run --quiet 2>"$log_dir/build.log"; then
  cat "$log_dir/build.log" >&2
  fc_die "could not build tests/hardening.rs"
fi

start=$SECONDS
first_seed=$seed
rounds=0
total=0
declare -A per_property=()

while :; do
  elapsed=$((SECONDS - start))
  left=$((budget - elapsed))
  [ "$left" -ge 5 ] || break
  log="$log_dir/round-$seed.log"
  round_start=$SECONDS
  FACTCARDS_FUZZ_SEED="$seed" FACTCARDS_FUZZ_CASES="$cases" \
    timeout --kill-after=10s "$((left + 30))s" \
    cargo test --test hardening --quiet -- --nocapture \
    --skip quiz_generator_reaches_the_hard_spots --skip validator_survives_hostile_json_text \
    --skip validator_strategy_reaches_valid_decks_with_markup \
    >"$log" 2>&1
  rc=$?
  took=$((SECONDS - round_start))
  if [ "$rc" -ne 0 ]; then
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
      fc_say "fuzz: round with seed $seed ($cases cases) ran past the time; not counted"
      break
    fi
    grep -vE '^test .* \.\.\. ok$' "$log" | tail -n 60 >&2
    fc_say "fuzz: FAILED with FACTCARDS_FUZZ_SEED=$seed FACTCARDS_FUZZ_CASES=$cases (log: $log)"
    fc_say "fuzz: reproduce: FACTCARDS_FUZZ_SEED=$seed FACTCARDS_FUZZ_CASES=$cases cargo test --test hardening"
    fc_say "fuzz: before the failure: $total cases in $rounds rounds, $((SECONDS - start)) s"
    exit 1
  fi
  # "# fuzz: NAME N cases (seed S)", one per property (libtest's progress
  # dots may share the line).
  round_total=0
  while read -r name n; do
    per_property[$name]=$(( ${per_property[$name]:-0} + n ))
    round_total=$((round_total + n))
  done < <(sed -n -E 's/.*# fuzz: ([A-Za-z ]+) ([0-9]+) cases.*/\1\t\2/p' "$log" | tr ' ' '_' | tr '\t' ' ')
  total=$((total + round_total))
  rounds=$((rounds + 1))
  fc_say "fuzz: round $rounds, seed $seed: $round_total cases in ${took} s (total $total)"
  seed=$((seed + 1))
  # Grow the rounds while they fit the time left (about half of it), else shrink.
  left=$((budget - (SECONDS - start)))
  if [ "$took" -le 0 ]; then took=1; fi
  if [ $((took * 4)) -le "$left" ]; then
    cases=$((cases * 2))
  else
    cases=$((cases * left / (took * 2)))
  fi
  [ "$cases" -gt "$max_cases" ] && cases=$max_cases
  [ "$cases" -lt 10 ] && cases=10
done

fc_say "fuzz: per property:"
for name in "${!per_property[@]}"; do
  printf '  %-20s %s cases\n' "${name//_/ }" "${per_property[$name]}"
done | sort
fc_say "fuzz: $total cases in $rounds rounds (seeds $first_seed..$((seed - 1))), $((SECONDS - start)) s, 0 failures"
