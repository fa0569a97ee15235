#!/usr/bin/env bash
# Search benchmark (docs/cli.md, `search`): a library of 10,000 synthetic articles (about
# 2,000 characters each; a Chinese passage in every tenth) made through the storage API by
# Tests/OffprintStorageTests/SearchBenchmarkTests.swift; then, with the release binary,
# `offprint search --json` for queries the FTS5 trigram index answers and for a
# two-character query that falls back to the scan of the indexed texts. Wall time of the
# process (start and opening the library included), best of three. Writes
# $BENCH_OUT/search.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${OFFPRINT:-$root/.build/release/offprint}
out=${BENCH_OUT:-$root/build/bench}
dir=${SEARCH_BENCH_DIR:-$root/build/bench-search}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
if [ ! -s "$dir/search-10000.sqlite" ]; then
  echo "generating the 10,000-article library in $dir (debug test build)"
  OFFPRINT_BENCH_SEARCH_DIR="$dir" swift test --scratch-path "${SEARCH_BENCH_SCRATCH:-$root/.build}" \
    --filter SearchBenchmarkTests >"$work/generate.log" 2>&1 || { tail -n 30 "$work/generate.log"; exit 1; }
fi
lib="$work/search.sqlite"
cp "$dir/search-10000.sqlite" "$lib"
now() { date +%s.%N; }
rows=""
for q in "harbour season" "quiet careful patient" "范式转变" "zzqqxx" "范式" "ha"; do
  best=""
  for _ in 1 2 3; do
    t0=$(now); hits=$("$bin" --library "$lib" search --json "$q" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'); t1=$(now)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  if [ "$(printf '%s' "$q" | wc -m)" -ge 3 ]; then path="index (FTS5)"; else path="scan"; fi
  rows+=$(printf '| `%s` | %s | %s | %.3f |' "$q" "$path" "$hits" "$best")$'\n'
done
size=$(stat -c %s "$lib")
{
  echo "## Search"
  echo
  echo "bench/search.bench.sh: \`offprint search --json QUERY\` on a library of 10,000 synthetic"
  echo "articles (about 2,000 characters of text each, a Chinese passage in every tenth; library"
  echo "file $((size / 1048576)) MiB with its index). Wall-clock seconds of \`${bin#$root/}\`,"
  echo "process start and JSON output included, best of three. Queries of three or more"
  echo "characters use the FTS5 trigram index; shorter ones scan the indexed texts."
  echo "Load average at the end of the run: $(cut -d ' ' -f 1-3 /proc/loadavg)."
  echo
  echo "| query | path | hits | seconds |"
  echo "| --- | --- | ---: | ---: |"
  printf '%s' "$rows"
} > "$out/search.md"
cat "$out/search.md"
