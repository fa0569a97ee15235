#!/usr/bin/env bash
# Extraction benchmark (docs/extraction.md, issue 3): throughput over the readability-pages
# corpus (every source.html), each contender in ONE process, the same files, the same run:
#   - Offprint: `offprint extract --json --quiet PATH...` (the whole pipeline: decoding,
#     libxml2 parse, tree copy, reader view, metadata, sanitising, serialising; nothing
#     printed; the command reports its own extraction time on stderr);
#   - libxml2 parse-only: a tiny C harness (compiled here) calling htmlReadMemory and
#     xmlFreeDoc on each file, read into memory first;
#   - readability-lxml and trafilatura in-process from the .venv-bench Python venv
#     (`pip install readability-lxml trafilatura`, created when missing; a peer that cannot
#     be installed is reported as such).
# Each is run BENCH_RUNS times (default 3) and the fastest run is kept. Writes
# $BENCH_OUT/extraction.md. Speed is measured here, never asserted in tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${OFFPRINT:-$root/.build/release/offprint}
out=${BENCH_OUT:-$root/build/bench}
shared=${SHARED:-$root/../shared}
corpus="$shared/corpus/readability-pages"
runs=${BENCH_RUNS:-3}
venv="$root/.venv-bench"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

ls -d "$corpus"/*/source.html > "$work/files"
mapfile -t files < "$work/files"
count=${#files[@]}
bytes=$(cat "${files[@]}" | wc -c)

cat > "$work/parse.c" <<'C'
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(int argc, char **argv) {
    char **buf = calloc(argc, sizeof(char *));
    long *len = calloc(argc, sizeof(long));
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) return 1;
        fseek(f, 0, SEEK_END); len[i] = ftell(f); fseek(f, 0, SEEK_SET);
        buf[i] = malloc(len[i] ? len[i] : 1);
        if (fread(buf[i], 1, len[i], f) != (size_t)len[i]) return 1;
        fclose(f);
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 1; i < argc; i++) {
        htmlDocPtr d = htmlReadMemory(buf[i], (int)len[i], NULL, NULL, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR
                                      | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
        if (d) xmlFreeDoc(d);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%.4f\n", (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
    return 0;
}
C
cc -O2 "$work/parse.c" -o "$work/parse" $(pkg-config --cflags --libs libxml-2.0)

cat > "$work/peers.py" <<'PY'
import sys, time, warnings
warnings.filterwarnings("ignore")
which, listing = sys.argv[1], sys.argv[2]
pages = [open(p, "rb").read() for p in open(listing).read().split("\n") if p]
if which == "readability-lxml":
    from readability import Document
    def run(html): Document(html).summary()
else:
    import trafilatura
    def run(html): trafilatura.extract(html, with_metadata=True)
start = time.monotonic()
for html in pages:
    try:
        run(html)
    except Exception:
        pass
print("%.4f" % (time.monotonic() - start))
PY

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import readability, trafilatura" 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check lxml lxml_html_clean \
    && "$venv/bin/pip" install -q --disable-pip-version-check readability-lxml trafilatura \
    || echo "bench: could not install the Python peers" >&2
fi

# best SECONDS... -> the smallest
best() { printf '%s\n' "$@" | sort -g | head -n 1; }

offprint_runs=(); parse_runs=(); rl_runs=(); tf_runs=()
for _ in $(seq "$runs"); do
  t=$("$bin" extract --json --quiet "${files[@]}" 2>&1 >/dev/null | sed -n 's/.*bytes, \([0-9.]*\) seconds.*/\1/p')
  offprint_runs+=("$t")
  parse_runs+=("$("$work/parse" "${files[@]}")")
done
have_py=0
if "$venv/bin/python" -c "import readability, trafilatura" 2>/dev/null; then
  have_py=1
  for _ in $(seq "$runs"); do
    rl_runs+=("$("$venv/bin/python" "$work/peers.py" readability-lxml "$work/files")")
    tf_runs+=("$("$venv/bin/python" "$work/peers.py" trafilatura "$work/files")")
  done
fi

row() { # name seconds
  awk -v n="$1" -v s="$2" -v c="$count" -v b="$bytes" -v p="$3" \
    'BEGIN { printf "| %s | %.3f | %.0f | %.1f | %s |\n", n, s, c / s, b / s / 1048576, p }'
}
t_off=$(best "${offprint_runs[@]}")
t_parse=$(best "${parse_runs[@]}")
ratio=$(awk -v a="$t_parse" -v b="$t_off" 'BEGIN { printf "%.0f%%", 100 * a / b }')
{
  echo "## Extraction speed"
  echo
  echo "$count pages of \`readability-pages\` ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }')), each"
  echo "contender in one process over the same files, fastest of $runs runs (bench/extraction.bench.sh)."
  echo
  echo "| contender | seconds | pages/s | MB/s | note |"
  echo "|---|---|---|---|---|"
  row "offprint extract --json --quiet" "$t_off" "$ratio of libxml2 parse-only throughput"
  row "libxml2 htmlReadMemory + xmlFreeDoc (C)" "$t_parse" "parse only, no extraction"
  if [ "$have_py" = 1 ]; then
    row "readability-lxml $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("readability-lxml"))')" "$(best "${rl_runs[@]}")" "Document(html).summary()"
    row "trafilatura $("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("trafilatura"))')" "$(best "${tf_runs[@]}")" "extract(html, with_metadata=True)"
  else
    echo "| readability-lxml, trafilatura | - | - | - | not installed |"
  fi
} > "$out/extraction.md"
cat "$out/extraction.md"
