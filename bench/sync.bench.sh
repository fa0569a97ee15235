#!/usr/bin/env bash
# Sync benchmark (docs/sync.md): pairs of libraries of 10,000 and 100,000 articles with no
# difference, 1% and 50% of the articles changed (half on each side), made through the
# storage API by Tests/OffprintSyncTests/SyncBenchmarkTests.swift; then, with the release
# binary: `offprint sync` (wall time, process start included), the same sync again, and the
# size of the bundle a `bundle create --since STATE` writes against the bytes of the
# revisions that changed on that side. Writes $BENCH_OUT/sync.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${OFFPRINT:-$root/.build/release/offprint}
out=${BENCH_OUT:-$root/build/bench}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
# The pairs take minutes to make (debug test build); they are kept in $pairs and reused.
pairs=${SYNC_BENCH_PAIRS:-$root/build/bench-sync-pairs}
if [ ! -s "$pairs/pairs.tsv" ]; then
  echo "generating library pairs in $pairs (debug test build)"
  mkdir -p "$pairs"
  OFFPRINT_BENCH_DIR="$pairs" swift test --scratch-path "${SYNC_BENCH_SCRATCH:-$root/.build}" \
    --filter SyncBenchmarkTests >"$work/generate.log" 2>&1 || { tail -n 30 "$work/generate.log"; exit 1; }
fi

now() { date +%s.%N; }
rows=""
while IFS=$'\t' read -r n percent changed bytes; do
  a="$work/a.sqlite"; b="$work/b.sqlite"
  cp "$pairs/a-$n-$percent.sqlite" "$a"; cp "$pairs/b-$n-$percent.sqlite" "$b"
  state=$("$bin" --library "$b" state)
  "$bin" --library "$a" bundle create -o "$work/x.bundle" --since "$state" --json > "$work/bundle.json"
  bundle=$(stat -c %s "$work/x.bundle")
  t0=$(now); moved=$("$bin" --library "$a" sync "$b" --json); t1=$(now)
  "$bin" --library "$a" sync "$b" > /dev/null; t2=$(now)
  first=$(echo "$t1 - $t0" | bc -l); again=$(echo "$t2 - $t1" | bc -l)
  rows+=$(printf '| %s | %s%% | %s | %.3f | %.3f | %s | %s | %s |' "$n" "$percent" "$changed" \
    "$first" "$again" "$bundle" "$((bytes / 2))" "$moved")$'\n'
  "$bin" --library "$a" verify > /dev/null && "$bin" --library "$b" verify > /dev/null
  rm -f "$a" "$b"
done < "$pairs/pairs.tsv"

{
  echo "## Sync"
  echo
  echo "bench/sync.bench.sh: \`offprint --library A sync B\` on pairs of libraries that share"
  echo "N synthetic articles (one import revision each, a source and a body blob), with no"
  echo "difference, or P% of the articles tagged (half on each side, so sync moves revisions"
  echo "both ways). Times are wall-clock seconds of the release binary, process start and"
  echo "opening both files included. \"Again\" is the same sync repeated (nothing to move)."
  echo "The bundle is \`bundle create --since\` B's \`state\`, written from A; \"changed on A\" is"
  echo "the bytes of the canonical revisions A has and B lacks (no new blobs: tags only)."
  echo "Load average at the end of the run: $(cut -d ' ' -f 1-3 /proc/loadavg)."
  echo
  echo "| articles | difference | revisions changed | sync (s) | again (s) | bundle A→B (bytes) | changed on A (bytes) | moved (sync --json) |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  printf '%s' "$rows"
} > "$out/sync.md"
cat "$out/sync.md"
