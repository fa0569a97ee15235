#!/usr/bin/env bash
# Export benchmark (docs/epub.md): the Readability corpus pages imported into one library
# and exported as one EPUB by Offprint, against pandoc (Debian `pandoc`) and Calibre
# (`ebook-convert`, Debian `calibre`) making one EPUB of the same pages' HTML, in the same
# run, each with its EPUBCheck 5 message counts; the peak memory (`/usr/bin/time -v`) of
# exporting 10,000 synthetic articles as EPUB; and the ZIP container's growth with the
# entry count (ZIPFoundation 0.9.20 `addEntry` against Offprint's ZIPWriter, from
# Tests/OffprintExportTests/ZIPWriterTests.swift, debug build). Writes $BENCH_OUT/export.md.
# A peer that is not installed is reported as such, not installed. Every peer and EPUBCheck
# run is bounded by `timeout` (BENCH_TIMEOUT seconds, default 300) and the peers run without
# network (`unshare -rn` when the kernel allows it; otherwise their copies of the pages have
# remote `src` attributes removed), so a remote image can never stall the run: pandoc fetches
# every remote `<img>` to embed it, and the corpus pages name hundreds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${OFFPRINT:-$root/.build/release/offprint}
out=${BENCH_OUT:-$root/build/bench}
shared=${SHARED:-$root/../shared}
pages="$shared/corpus/readability-pages"
n_big=${EXPORT_BENCH_ARTICLES:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1795949228

limit=${BENCH_TIMEOUT:-300}
# Runs a peer offline and bounded: `offline CMD...`.
if unshare -rn true 2> /dev/null; then
  isolated=1
  offline() { timeout "$limit" unshare -rn "$@"; }
else
  isolated=0
  offline() { timeout "$limit" "$@"; }
fi

jar=$(ls "$root"/.venv/lib/python3*/site-packages/epubcheck/epubcheck.jar 2>/dev/null | head -n 1 || true)
# "F / E / W" from EPUBCheck 5's summary line, or "n/a" without EPUBCheck.
check() {
  if [ -z "$jar" ] || [ ! -s "$1" ]; then echo "n/a"; return; fi
  local line
  local log status=0
  log=$(timeout "$limit" java -jar "$jar" "$1" 2>&1) || status=$?
  if [ "$status" -eq 124 ]; then echo "timed out after $limit s"; return; fi
  line=$(echo "$log" | grep -E '^Messages:' | tail -n 1 || true)
  if [ -z "$line" ]; then echo "0 / 0 / 0"; return; fi
  echo "$line" | awk '{print $2 " / " $5 " / " $8}'
}
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | xargs printf '%.2f'; }
# A peer's seconds, or "timed out (N s)" when `timeout` stopped it (status 124).
took() { if [ "$1" -eq 124 ]; then echo "timed out ($limit s)"; else secs "$2" "$3"; fi; }

# The pages, in name order, as the peers read them.
mapfile -t files < <(find "$pages" -mindepth 2 -maxdepth 2 -name source.html | sort)
count=${#files[@]}
# The peers' copies: without network isolation, remote image, media and frame sources are
# dropped (Offprint drops them too: a book never refers to a remote resource).
mkdir -p "$work/peer"
peer_files=()
for f in "${files[@]}"; do
  if [ "$isolated" = 1 ]; then peer_files+=("$f"); continue; fi
  # The page's whole folder is copied, so that relative local images still resolve.
  dir="$work/peer/$(basename "$(dirname "$f")")"
  cp -r "$(dirname "$f")" "$dir"
  copy="$dir/source.html"
  python3 - "$f" "$copy" <<'PYEOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="surrogateescape").read()
attr = re.compile(r'\s(src|srcset|poster|data-src)\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+)', re.I)
remote = re.compile(r'["\']?\s*(https?:)?//', re.I)
text = attr.sub(lambda m: "" if remote.match(m.group(2)) else m.group(0), text)
open(sys.argv[2], "w", encoding="utf-8", errors="surrogateescape").write(text)
PYEOF
  peer_files+=("$copy")
done
# "| Calibre N, one book per page | seconds | F / E / W summed |": each page converted on its
# own (bounded by the timeout each), the wall times summed.
calibre_per_page() {
  local total=0 f=0 e=0 w=0 k=0 st t0 t1 c
  mkdir -p "$work/calibre-pages"
  for page in "${peer_files[@]}"; do
    k=$((k + 1))
    st=0; t0=$(now); offline ebook-convert "$page" "$work/calibre-pages/$k.epub" --epub-version 3 > /dev/null 2>&1 || st=$?; t1=$(now)
    total=$(echo "$total + $t1 - $t0" | bc -l)
    c=$(check "$work/calibre-pages/$k.epub")
    if [[ "$c" =~ ^([0-9]+)\ /\ ([0-9]+)\ /\ ([0-9]+)$ ]]; then
      f=$((f + BASH_REMATCH[1])); e=$((e + BASH_REMATCH[2])); w=$((w + BASH_REMATCH[3]))
    fi
  done
  echo "| Calibre $(ebook-convert --version 2>/dev/null | head -n 1 | grep -o '[0-9][0-9.]*' | head -n 1), one book per page ($k conversions) | $(printf '%.2f' "$total") | $f / $e / $w (summed) |"
}
if [ -n "${EXPORT_BENCH_CALIBRE_ONLY:-}" ]; then calibre_per_page; exit 0; fi

echo "importing $count pages"
"$bin" --library "$work/lib.sqlite" import "${files[@]}" > /dev/null

rows=""
t0=$(now); "$bin" --library "$work/lib.sqlite" export --format epub -o "$work/offprint.epub" 2>/dev/null; t1=$(now)
ours=$(secs "$t0" "$t1")
rows+="| Offprint $("$bin" --version) | $ours | $(check "$work/offprint.epub") |"$'\n'

if command -v pandoc > /dev/null; then
  st=0; t0=$(now); offline pandoc -f html -t epub3 -o "$work/pandoc.epub" --metadata title="Corpus" "${peer_files[@]}" 2>/dev/null || st=$?; t1=$(now)
  rows+="| pandoc $(pandoc --version | head -n 1 | awk '{print $2}') | $(took "$st" "$t0" "$t1") | $(check "$work/pandoc.epub") |"$'\n'
else
  rows+="| pandoc | not installed | |"$'\n'
fi

if command -v ebook-convert > /dev/null; then
  # Calibre converts one HTML file: the pages joined (bodies in name order).
  joined="$work/joined.html"
  { echo "<html><head><meta charset=utf-8><title>Corpus</title></head><body>"
    for f in "${peer_files[@]}"; do sed -n '/<body/,/<\/body>/p' "$f" | sed '1s/.*<body[^>]*>//; $s/<\/body>.*//'; done
    echo "</body></html>"; } > "$joined"
  st=0; t0=$(now); offline ebook-convert "$joined" "$work/calibre.epub" --epub-version 3 > /dev/null 2>&1 || st=$?; t1=$(now)
  rows+="| Calibre $(ebook-convert --version 2>/dev/null | head -n 1 | grep -o '[0-9][0-9.]*' | head -n 1) | $(took "$st" "$t0" "$t1") | $(check "$work/calibre.epub") |"$'\n'
  # Calibre on the joined file has not finished within the timeout on this machine (it
  # converts one page in about 3 s): also one conversion per page, times summed, EPUBCheck
  # messages summed over the 97 books.
  rows+=$(calibre_per_page)$'\n'
else
  rows+="| Calibre (ebook-convert) | not installed | |"$'\n'
fi

# 10,000 articles: synthetic pages of about 6 KB of text each, imported once.
echo "generating and importing $n_big articles"
mkdir -p "$work/big"
python3 - "$work/big" "$n_big" <<'EOF'
import sys, os
d, n = sys.argv[1], int(sys.argv[2])
para = "<p>" + "Offline reading keeps the words where the reader is. " * 12 + "</p>"
for i in range(n):
    with open(os.path.join(d, "a%05d.html" % i), "w") as f:
        f.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article %d</title>'
                '<link rel="canonical" href="https://bench.example.org/%d"></head><body><article>'
                '<h1>Article %d</h1>%s</article></body></html>' % (i, i, i, para * 8))
EOF
t0=$(now); "$bin" --library "$work/big.sqlite" import "$work/big" > /dev/null; t1=$(now)
import_s=$(secs "$t0" "$t1")
big_rows=""
for spec in epub:big.epub html:big-html.zip text:big-text.zip markdown:big-md.zip json:big.json; do
  f=${spec%%:*}; name=${spec#*:}
  t0=$(now)
  /usr/bin/time -v "$bin" --library "$work/big.sqlite" export --format "$f" -o "$work/$name" 2> "$work/time.txt"
  t1=$(now)
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/time.txt")
  size=$(du -sk "$work/$name" | cut -f1)
  big_rows+="| $f ($name) | $(secs "$t0" "$t1") | $((rss / 1024)) | $((size / 1024)) |"$'\n'
done
big_check=$(check "$work/big.epub")

echo "measuring ZIP growth (debug test build)"
OFFPRINT_BENCH_ZIP=1 OFFPRINT_BENCH_ZIP_OUT="$work/zip.md" timeout "${EXPORT_BENCH_ZIP_TIMEOUT:-900}" swift test --scratch-path "${EXPORT_BENCH_SCRATCH:-$root/.build}" \
  --filter ZIPGrowthBench > "$work/zip.log" 2>&1 || true
zip_table=$(cat "$work/zip.md" 2>/dev/null || echo "(not measured: see swift test --filter ZIPGrowthBench)")

{
  echo "## Export"
  echo
  echo "bench/export.bench.sh: the $count Readability corpus pages (\`source.html\`) imported into one"
  echo "library and exported as one EPUB (\`offprint export --format epub\`); pandoc (\`pandoc -f html"
  echo "-t epub3\` on the same files) and Calibre (\`ebook-convert\` on the pages' bodies joined into one"
  echo "HTML file) make one EPUB of the same pages. Wall time includes process start. EPUBCheck 5"
  echo "messages as fatals / errors / warnings."
  echo
  echo "| tool | seconds | EPUBCheck F / E / W |"
  echo "|---|---:|---|"
  printf '%s' "$rows"
  echo
  echo "$n_big synthetic articles (about 6 KB of text each; import took ${import_s} s), each format"
  echo "exported once; peak memory is \`/usr/bin/time -v\`'s maximum resident set size. EPUBCheck on the"
  echo "$n_big-article EPUB: $big_check."
  echo
  echo "| format | seconds | peak MB | output MB |"
  echo "|---|---:|---:|---:|"
  printf '%s' "$big_rows"
  echo
  echo "The ZIP container: ZIPFoundation 0.9.20 \`Archive.addEntry\` against \`ZIPWriter\`, N entries of"
  echo "about 400 bytes, deflated (debug build, \`OFFPRINT_BENCH_ZIP=1 swift test --filter ZIPGrowthBench\`)."
  echo
  echo "$zip_table"
} > "$out/export.md"
echo "wrote $out/export.md"
