#!/bin/sh
# Runs one fuzz target the way fuzz/README.md documents: one process, one
# job, 1 million executions or 10 minutes, whichever comes first. New inputs
# go to a scratch corpus outside the repository; the seeds in corpus/<target>
# are read only. Usage: fuzz/run.sh <target> [extra libFuzzer flags...]
# Environment: CARGO_TARGET_DIR (default /work/target-fuzz), FUZZ_WORK,
# MAX_TIME (seconds, default 600), RUNS (default 1000000).
set -eu
target=$1; shift
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
# Build outside the repository (and outside the main crate's target dir).
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/work/target-fuzz}
work=${FUZZ_WORK:-$CARGO_TARGET_DIR/fuzz-work}
mkdir -p "$work/corpus/$target" "$work/logs/$target" "$work/artifacts/$target"
cd "$work/logs/$target"
RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir "$fuzz_dir" -O -a -s none "$target" \
    "$work/corpus/$target" "$fuzz_dir/corpus/$target" -- \
    -artifact_prefix="$work/artifacts/$target/" \
    -max_total_time=${MAX_TIME:-600} -runs=${RUNS:-1000000} -jobs=1 -workers=1 "$@"
tail -n 1 "$work/logs/$target/fuzz-0.log"
