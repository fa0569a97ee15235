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
only=${BENCH_ONLY:-}
rm -rf "$BENCH_OUT" && mkdir -p "$BENCH_OUT"
for script in "$root"/bench/*.bench.sh; do
  name=$(basename "$script" .bench.sh)
  if [ -n "$only" ] && [ "$only" != "$name" ]; then continue; fi
  echo "== bench: $name"
  bash "$script"
done
if [ -n "$only" ] && [ -f "$root/BENCHMARKS.md" ]; then
  # BENCH_ONLY=name: only that section of BENCHMARKS.md is replaced (from its "## " heading
  # to the next one); the others keep the figures of their last run.
  python3 - "$root/BENCHMARKS.md" "$BENCH_OUT/$only.md" <<'PY'
import re, sys
doc, new = open(sys.argv[1]).read(), open(sys.argv[2]).read().rstrip("\n") + "\n\n"
heading = new.splitlines()[0]
parts = re.split(r"(?m)^(?=## )", doc)
for i, p in enumerate(parts):
    if p.splitlines() and p.splitlines()[0] == heading:
        parts[i] = new
        break
else:
    parts[-1] = parts[-1].rstrip("\n") + "\n\n"  # a blank line before a new last section
    parts.append(new)
open(sys.argv[1], "w").write("".join(parts).rstrip("\n") + "\n")
PY
  echo "replaced the $only section of BENCHMARKS.md"
  exit 0
fi
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
