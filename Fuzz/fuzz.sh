#!/bin/sh
# Builds the libFuzzer targets and runs each for RUNS executions; see Fuzz/README.md.
# Usage: Fuzz/fuzz.sh RUNS [TARGET ...]    (targets: the Fuzz/*.swift file names, kebab-case)
set -u
cd "$(dirname "$0")/.." || exit 2
RUNS=${1:?usage: Fuzz/fuzz.sh RUNS [TARGET ...]}
shift
SWIFT=${SWIFT:-swift}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
CONFIG=${FUZZ_CONFIG:-release}
TARGETS=${*:-lesson-file case-file case-facts session-file answer-log migration shell-commands}
BIN=$SCRATCH/$CONFIG
YAML_INCLUDE=$SCRATCH/checkouts/Yams/Sources/CYaml/include

# The package's library modules, instrumented for coverage and ASan, and built for testing so
# that the targets can reach internal decoders with `@testable import`. Only libraries are
# built: an executable linked with -sanitize=fuzzer would get libFuzzer's main.
# Release builds ask for a static Swift runtime (Package.swift); these objects are linked below by
# a plain swiftc, which finds only the shared one, so they are compiled for that instead.
mkdir -p "$SCRATCH"
echo "fuzz: building the modules ($CONFIG, -sanitize=fuzzer,address)"
$SWIFT build -c "$CONFIG" --scratch-path "$SCRATCH" --target Tutor \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -no-static-stdlib \
  >"$SCRATCH/build.log" 2>&1 || {
  tail -20 "$SCRATCH/build.log"; exit 2; }
# The objects of the modules' current sources only: a file moved or deleted since an earlier
# build leaves its stale object behind, and linking that would fail.
objects() {
  for module in ${FUZZ_MODULES:-Identifiers Clinical Figures Course Cases Progress Tutor Yams}; do
    while IFS= read -r source; do
      echo "$BIN/$module.build/$(basename "$source").o"
    done <"$BIN/$module.build/sources"
  done
  find "$BIN/CYaml.build" -name '*.o'
}
OBJECTS=$(objects | sort)

export ASAN_OPTIONS=detect_leaks=0:${ASAN_OPTIONS:-}
# The Swift runtime's own backtracer trips over ASan after a fatal error: libFuzzer reports it.
export SWIFT_BACKTRACE=enable=no
failed=""
for target in $TARGETS; do
  source=Fuzz/$(echo "$target" | awk -F- '{for (i = 1; i <= NF; i++) printf "%s", toupper(substr($i, 1, 1)) substr($i, 2)}').swift
  [ "$target" = answer-log ] && source=Fuzz/AnswerLogLines.swift
  # shellcheck disable=SC2086
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g "$source" -I "$BIN/Modules" \
    -I "$YAML_INCLUDE" -Xcc -fmodule-map-file="$YAML_INCLUDE/module.modulemap" \
    $OBJECTS -o "$BIN/fuzz-$target" 2>&1 | grep -v "Cannot export local symbol" || true
  [ -x "$BIN/fuzz-$target" ] || { echo "fuzz: $target did not build"; exit 2; }
  work=$SCRATCH/corpus/$target
  mkdir -p "$work" "$SCRATCH/crashes"
  printf 'fuzz: %-15s %s runs ... ' "$target" "$RUNS"
  if NELM_FUZZ_LESSONS=Lessons "$BIN/fuzz-$target" -runs="$RUNS" -max_len=4096 -timeout=20 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$SCRATCH/crashes/$target-" \
    "$work" "Fuzz/corpus/$target" >"$SCRATCH/$target.log" 2>&1; then
    grep -E "stat::number_of_executed_units|Done" "$SCRATCH/$target.log" | tail -1
  else
    echo "CRASH (see $SCRATCH/$target.log and $SCRATCH/crashes/)"
    grep -E "ERROR:|Fatal error|fatal error" "$SCRATCH/$target.log" | head -3
    failed="$failed $target"
  fi
done
if [ -n "$failed" ]; then
  echo "fuzz: crashes in:$failed"
  exit 1
fi
echo "fuzz: no crash"
