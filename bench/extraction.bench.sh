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
# Offprint and parse-only alternate BENCH_FAST_RUNS times (default 9: on a shared 2-core
# machine single runs vary by a third); the Python peers run BENCH_RUNS times (default 3).
# The fastest run of each is kept, and the median of the per-pair ratios is given too.
# With valgrind installed (and BENCH_CALLGRIND not 0), callgrind also counts the
# instructions of one offprint run and one parse-only run: exact, and the same on every
# run, unlike times. Writes $BENCH_OUT/extraction.md. Speed is measured here, never
# asserted in tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${OFFPRINT:-$root/.build/release/offprint}
out=${BENCH_OUT:-$root/build/bench}
shared=${SHARED:-$root/../shared}
corpus="$shared/corpus/readability-pages"
runs=${BENCH_RUNS:-3}
fast_runs=${BENCH_FAST_RUNS:-9}
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
for _ in $(seq "$fast_runs"); do
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
# The median of the ratios of runs made one after the other.
median_ratio=$(for i in "${!offprint_runs[@]}"; do
  awk -v a="${parse_runs[$i]}" -v b="${offprint_runs[$i]}" 'BEGIN { printf "%.4f\n", a / b }'
done | sort -g | awk '{ v[NR] = $1 } END { printf "%.0f%%", 100 * (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
instructions=""
if [ "${BENCH_CALLGRIND:-1}" != 0 ] && command -v valgrind >/dev/null; then
  count_ir() { { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true; } \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -n 1; }
  # valgrind cannot read the debug information of Swift release builds: a stripped copy.
  ir_off=""
  if objcopy --strip-debug "$bin" "$work/offprint" 2>/dev/null; then
    ir_off=$(count_ir "$work/offprint" extract --json --quiet "${files[@]}")
  fi
  ir_parse=$(count_ir "$work/parse" "${files[@]}")
  if [ -n "$ir_off" ] && [ -n "$ir_parse" ]; then
    instructions=$(awk -v a="$ir_parse" -v b="$ir_off" \
      'BEGIN { printf "By instructions (callgrind, whole process): offprint %.2f G, parse-only %.2f G: %.0f%%.", b / 1e9, a / 1e9, 100 * a / b }')
  fi
fi
{
  echo "## Extraction speed"
  echo
  echo "$count pages of \`readability-pages\` ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }')), each"
  echo "contender in one process over the same files, fastest of $fast_runs runs for Offprint and"
  echo "parse-only (alternating) and of $runs for the Python peers (bench/extraction.bench.sh)."
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
  echo
  echo "Offprint against parse-only: $ratio from the fastest runs, $median_ratio as the median of the"
  echo "$fast_runs pairs.${instructions:+ $instructions}"
} > "$out/extraction.md"
cat "$out/extraction.md"
