#!/usr/bin/env bash
# make bench: runs every bench/*.bench.sh (each measures one part, peers side by side, and
# writes a Markdown section to $BENCH_OUT/<name>.md), then joins the sections, in name
# order, into BENCHMARKS.md with the machine and the date. Speed is measured here, never
# asserted in tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export OFFPRINT=${OFFPRINT:-$root/.build/release/offprint}
export BENCH_OUT=${BENCH_OUT:-$root/build/bench}
export SHARED=${SHARED:-$root/../shared}
rm -rf "$BENCH_OUT" && mkdir -p "$BENCH_OUT"
only=${BENCH_ONLY:-}
for script in "$root"/bench/*.bench.sh; do
  name=$(basename "$script" .bench.sh)
  if [ -n "$only" ] && [ "$only" != "$name" ]; then continue; fi
  echo "== bench: $name"
  bash "$script"
done
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (bench/run.sh) on $(date -u +%Y-%m-%d), $(nproc) cores,"
  echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory, $(uname -m), $(swift --version 2>/dev/null | head -n 1)."
  echo "Each section names the commands that produced it. Figures are from one run."
  echo
  for f in "$BENCH_OUT"/*.md; do cat "$f"; echo; done
} > "$root/BENCHMARKS.md"
echo "wrote BENCHMARKS.md"
