#!/usr/bin/env bash
# End-to-end checks of the offprint command on the shared corpus (issue "Offprint end to
# end"): import all readability pages, export one EPUB and validate it, one EPUB per case
# file, extraction score, and a two-library sync. Run by `make test` (make e2e).
# Needs: OFFPRINT (the binary), EPUBCHECK (scripts/epubcheck), ../shared beside the repo.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared="$root/../shared"
bin=${OFFPRINT:-$root/.build/debug/offprint}
check=${EPUBCHECK:-$root/scripts/epubcheck}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1767225600
pass=0; fail=0
ok()   { echo "ok: $*"; pass=$((pass+1)); }
bad()  { echo "FAILED: $*" >&2; fail=$((fail+1)); }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

pages=("$shared"/corpus/readability-pages/*/source.html)
echo "== import ${#pages[@]} readability pages"
L="$work/corpus.sqlite"
if "$bin" --library "$L" import "${pages[@]}" > "$work/import.txt"; then
  ok "import of ${#pages[@]} pages exits 0 ($(tail -n 1 "$work/import.txt"))"
else
  bad "import of the corpus failed: $(grep -v '^added\|^updated\|^unchanged' "$work/import.txt" | head)"
fi
n=$("$bin" list --json --library "$L" | json 'len(d)')
[ "$n" -ge 90 ] && ok "list --json shows $n articles" || bad "list --json shows only $n articles"

echo "== export and validate one book of the corpus"
if "$bin" --library "$L" export --format epub -o "$work/corpus.epub" && "$check" "$work/corpus.epub"; then
  ok "corpus EPUB passes EPUBCheck with no errors or warnings"
else
  bad "corpus EPUB fails EPUBCheck"
fi
"$bin" --library "$L" export --format epub -o "$work/corpus2.epub"
cmp -s "$work/corpus.epub" "$work/corpus2.epub" && ok "EPUB export is byte-identical twice" || bad "EPUB export is not deterministic"

echo "== one book per case file"
for f in "$shared"/cases/*.html "$shared"/cases/*.txt; do
  name=$(basename "$f")
  C="$work/case-$name.sqlite"
  if "$bin" --library "$C" import "$f" > /dev/null && \
     "$bin" --library "$C" export --format epub -o "$work/case-$name.epub" 2>/dev/null && \
     "$check" "$work/case-$name.epub" > "$work/case-$name.log"; then
    ok "case $name: imported, EPUB valid"
  else
    bad "case $name: $(tail -n 5 "$work/case-$name.log" 2>/dev/null)"
  fi
done

echo "== one book of every page of the three corpora"
mkdir -p "$work/all"
for f in "$shared"/corpus/article-extraction-benchmark/html/*.html.gz "$shared"/corpus/trafilatura-eval/html/*.html.gz; do
  corpus=$(basename "$(dirname "$(dirname "$f")")")
  gunzip -c "$f" > "$work/all/$corpus-$(basename "$f" .gz)"
done
all=("${pages[@]}" "$work"/all/*.html)
AL="$work/all.sqlite"
"$bin" --library "$AL" import "${all[@]}" > "$work/all-import.txt" 2> "$work/all-import.err" || true
n_all=$("$bin" list --json --library "$AL" | json 'len(d)')
[ "$n_all" -ge 950 ] && ok "${#all[@]} corpus pages give $n_all articles" \
  || bad "only $n_all articles from ${#all[@]} corpus pages: $(head -n 3 "$work/all-import.err")"
if "$bin" --library "$AL" export --format epub -o "$work/all.epub" && "$check" "$work/all.epub" > "$work/all-check.txt"; then
  ok "the book of all $n_all articles passes EPUBCheck with no message"
else
  bad "the book of all corpora fails EPUBCheck: $(head -n 10 "$work/all-check.txt")"
fi

echo "== extraction score on readability-pages"
if "$shared/tools/score-extraction" --corpus "$shared/corpus/readability-pages" \
     --cmd "$bin extract --json {}" --min-f1 0.90 > "$work/score.txt" 2>&1; then
  ok "score: $(tail -n 1 "$work/score.txt")"
else
  bad "score below 0.90: $(tail -n 1 "$work/score.txt")"
fi

echo "== sync two libraries filled from overlapping halves"
A="$work/a.sqlite"; B="$work/b.sqlite"
half=$(( ${#pages[@]} / 2 ))
"$bin" --library "$A" import "${pages[@]:0:$((half + 10))}" > /dev/null
"$bin" --library "$B" import "${pages[@]:$((half - 10))}" > /dev/null
ids_a=($("$bin" --library "$A" list --json | json '" ".join(a["id"] for a in d)'))
ids_b=($("$bin" --library "$B" list --json | json '" ".join(a["id"] for a in d)'))
"$bin" --library "$A" tag "${ids_a[0]}" +weekend +longread > /dev/null
"$bin" --library "$A" mark "${ids_a[1]}" --read --favorite > /dev/null
"$bin" --library "$A" edit "${ids_a[2]}" --title "Renamed on A" > /dev/null
"$bin" --library "$A" delete "${ids_a[3]}" > /dev/null
"$bin" --library "$B" tag "${ids_b[0]}" +from-b > /dev/null
"$bin" --library "$B" mark "${ids_b[1]}" --archive > /dev/null
"$bin" --library "$B" edit "${ids_b[2]}" --title "Renamed on B" > /dev/null
"$bin" --library "$B" delete "${ids_b[3]}" > /dev/null
first=$("$bin" --library "$A" sync "$B" --json)
echo "first sync: $first"
heads_a=$("$bin" --library "$A" list --json | json '" ".join(sorted(a["id"]+":"+a["head"] for a in d))')
heads_b=$("$bin" --library "$B" list --json | json '" ".join(sorted(a["id"]+":"+a["head"] for a in d))')
[ "$heads_a" = "$heads_b" ] && ok "after sync both list the same articles with the same heads" || bad "heads differ after sync"
second=$("$bin" --library "$A" sync "$B" --json)
[ "$(echo "$second" | json 'd["sent"]["revisions"]+d["sent"]["blobs"]+d["received"]["revisions"]+d["received"]["blobs"]')" = 0 ] \
  && ok "second sync moves nothing: $second" || bad "second sync moved something: $second"
"$bin" --library "$A" verify > /dev/null && "$bin" --library "$B" verify > /dev/null && ok "verify passes on both" || bad "verify fails"
"$bin" --library "$A" export --format json -o "$work/a.json" 2>/dev/null
"$bin" --library "$B" export --format json -o "$work/b.json" 2>/dev/null
cmp -s "$work/a.json" "$work/b.json" && ok "JSON exports of the two are byte-identical" || bad "JSON exports differ"

echo
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
