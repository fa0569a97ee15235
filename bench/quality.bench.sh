#!/usr/bin/env bash
# Extraction quality (issue 3): the three shared corpora (readability-pages,
# article-extraction-benchmark, trafilatura-eval) scored with the measures of
# ../shared/tools/score-extraction (imported, so tokens, snippet matching and metadata folding
# are identical), for Offprint and the two peers, in the same run:
#   - Offprint: scripts/score-fast (all pages of a corpus in one `offprint extract --json
#     --tag-path` process; the same figures as `make score`, which runs one process per page);
#   - readability-lxml and trafilatura in-process from the .venv-bench Python venv (created as
#     in bench/extraction.bench.sh when missing); each page's result is fed to the scorer as a
#     `--cmd` result would be: readability-lxml textContent = the text of Document(html).summary()
#     (score-extraction's own html_text), title = short_title() (the <title> with a site-name
#     part cut off, as Readability does; title() is the raw <title>: 44 of 97 readability-pages
#     titles against 70), byline = author() (its "[no-title]" / "[no-author]" placeholders count
#     as none); trafilatura extract(html, output_format="json",
#     with_metadata=True): textContent = text, title, byline = author, publishedTime = date,
#     siteName = source-hostname, excerpt, lang = language. A field a peer does not produce
#     counts as null, exactly as it would for a command that omits it.
# Content: mean token F1 (readability-pages, article-extraction-benchmark) or pooled snippet F1
# (trafilatura-eval), as the scorer reports. Writes $BENCH_OUT/quality.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${OFFPRINT:-$root/.build/release/offprint}
out=${BENCH_OUT:-$root/build/bench}
shared=${SHARED:-$root/../shared}
venv="$root/.venv-bench"
corpora=(${QUALITY_CORPORA:-readability-pages article-extraction-benchmark trafilatura-eval})
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
export SCORE_EXTRACTION="$shared/tools/score-extraction"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import readability, trafilatura" 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check lxml lxml_html_clean \
    && "$venv/bin/pip" install -q --disable-pip-version-check readability-lxml trafilatura \
    || echo "bench: could not install the Python peers" >&2
fi

# peers.py CONTENDER CORPUS OUT.json: score one peer on one corpus, summary as JSON.
cat > "$work/peers.py" <<'PY'
import collections, gzip, importlib.machinery, importlib.util, json, os, sys, warnings
warnings.filterwarnings("ignore")
import logging
logging.disable(logging.CRITICAL)
which, corpus, dest = sys.argv[1:4]
loader = importlib.machinery.SourceFileLoader("score_extraction", os.environ["SCORE_EXTRACTION"])
spec = importlib.util.spec_from_loader("score_extraction", loader)
se = importlib.util.module_from_spec(spec)
loader.exec_module(se)

if which == "readability-lxml":
    from readability import Document
    def run(html):
        doc = Document(html)
        text = se.html_text(doc.summary())
        title, author = doc.short_title(), doc.author()
        return {"textContent": text,
                "title": None if title == "[no-title]" else title,
                "byline": None if author == "[no-author]" else author}
else:
    import trafilatura
    def run(html):
        raw = trafilatura.extract(html, output_format="json", with_metadata=True)
        if raw is None:
            return {"textContent": ""}
        o = json.loads(raw)
        return {"textContent": o.get("text") or "", "title": o.get("title"), "byline": o.get("author"),
                "publishedTime": o.get("date"), "siteName": o.get("source-hostname"),
                "excerpt": o.get("excerpt"), "lang": o.get("language")}

rows, hits, total, snip, failures = [], collections.Counter(), collections.Counter(), collections.Counter(), 0
for name, path, gz, want in se.cases(corpus):
    data = gzip.open(gz, "rb").read() if gz else open(path, "rb").read()
    try:
        got = run(data)
    except Exception:
        got = None
    row = {}
    if got is None:
        failures += 1
        got = {}
    text = got.get("textContent") or ""
    # as score-extraction's main() does for each page
    if want["kind"] == "bag":
        row["precision"], row["recall"], row["f1"] = se.prf(se.tokens(text), want["want"])
    else:
        flat = se.snippet_norm(text)
        tp = sum(se.snippet_norm(x) in flat for x in want["with"])
        fn = len(want["with"]) - tp
        fp = sum(se.snippet_norm(x) in flat for x in want["without"])
        snip.update(tp=tp, fn=fn, fp=fp, tn=len(want["without"]) - fp)
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        row["precision"], row["recall"], row["f1"] = p, r, (0.0 if p + r == 0 else 2 * p * r / (p + r))
    for field, value in want["meta"].items():
        total[field] += 1
        hits[field] += se.norm(field, got.get(field)) == se.norm(field, value)
    rows.append(row)
summary = {"pages": len(rows), "failed": failures,
           "mean-F1": sum(r["f1"] for r in rows) / max(1, len(rows)),
           "fields": {f: [hits[f], total[f]] for f in se.FIELDS if total[f]}}
if snip:
    p = snip["tp"] / max(1, snip["tp"] + snip["fp"])
    r = snip["tp"] / max(1, snip["tp"] + snip["fn"])
    summary["snippet-F1"] = 0 if p + r == 0 else 2 * p * r / (p + r)
json.dump(summary, open(dest, "w"))
PY

# score-fast's printed summary -> the same JSON summary.
cat > "$work/parse.py" <<'PY'
import json, re, sys
s = {"fields": {}}
for line in open(sys.argv[1]):
    m = re.match(r"field (\S+)\s+[\d.]+% exact \((\d+)/(\d+)\)", line)
    if m:
        s["fields"][m[1]] = [int(m[2]), int(m[3])]
    m = re.match(r"snippets \(pooled\): P [\d.]+ R [\d.]+ F1 ([\d.]+)", line)
    if m:
        s["snippet-F1"] = float(m[1])
    m = re.match(r"pages (\d+)\s+failed (\d+)\s+mean-P [\d.]+\s+mean-R [\d.]+\s+mean-F1 ([\d.]+)", line)
    if m:
        s["pages"], s["failed"], s["mean-F1"] = int(m[1]), int(m[2]), float(m[3])
json.dump(s, open(sys.argv[2], "w"))
PY

have_py=0
"$venv/bin/python" -c "import readability, trafilatura" 2>/dev/null && have_py=1
for c in "${corpora[@]}"; do
  echo "-- $c"
  python3 "$root/scripts/score-fast" --corpus "$shared/corpus/$c" --offprint "$bin" --low 0 > "$work/offprint-$c.txt"
  python3 "$work/parse.py" "$work/offprint-$c.txt" "$work/offprint-$c.json"
  if [ "$have_py" = 1 ]; then
    # the two peers side by side (one process each)
    "$venv/bin/python" "$work/peers.py" readability-lxml "$shared/corpus/$c" "$work/readability-lxml-$c.json" &
    "$venv/bin/python" "$work/peers.py" trafilatura "$shared/corpus/$c" "$work/trafilatura-$c.json" &
    wait
  fi
done

version() { "$venv/bin/python" -c "import importlib.metadata as m; print(m.version('$1'))" 2>/dev/null || echo "?"; }
commit="\`$(realpath -s --relative-to="$root" "$bin")\`, built $(date -u -r "$bin" '+%Y-%m-%d %H:%M') UTC; repository at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "?")"
python3 - "$work" "$have_py" "readability-lxml $(version readability-lxml)" "trafilatura $(version trafilatura)" \
  "$commit" "$bin" > "$out/quality.md" <<'PY'
import json, os, sys
work, have_py, rl_name, tf_name, commit, binary = sys.argv[1:7]
FIELDS = ["title", "byline", "excerpt", "siteName", "lang", "dir", "publishedTime"]
TARGETS = {  # issue 3's table
    "readability-pages": ("mean token F1", 0.98, dict.fromkeys(FIELDS, 90) | {"title": 95}),
    "article-extraction-benchmark": ("mean token F1", 0.97, {}),
    "trafilatura-eval": ("pooled snippet F1", 0.93, {"title": 80, "byline": 80, "publishedTime": 80}),
}
out = ["## Extraction quality", "",
       "bench/quality.bench.sh: the three shared corpora scored with the measures of",
       "`../shared/tools/score-extraction` (imported, so tokens, snippet matching and metadata folding",
       "are identical), all contenders in the same run: Offprint through `scripts/score-fast` (%s)," % commit,
       "readability-lxml and trafilatura in-process from the `.venv-bench` venv, each",
       "page's result fed to the scorer as a `--cmd` result would be (readability-lxml: the text of",
       "`Document(html).summary()`, `short_title()`, `author()`; trafilatura: `extract(html,",
       "output_format=\"json\", with_metadata=True)` text, title, author, date, source-hostname, excerpt,",
       "language). A field a contender does not produce counts as null. Metadata columns: exact matches",
       "after the scorer's folding, per cent of the pages the corpus gives the field for (an expected",
       "null counts, and is matched by a null). Run with `BENCH_ONLY=quality bash bench/run.sh`.", ""]
for corpus, (measure, target, ftargets) in TARGETS.items():
    cols = []
    contenders = [("Offprint", "offprint")]
    if have_py == "1":
        contenders += [(rl_name, "readability-lxml"), (tf_name, "trafilatura")]
    data = []
    for label, key in contenders:
        path = os.path.join(work, "%s-%s.json" % (key, corpus))
        data.append((label, json.load(open(path)) if os.path.exists(path) else None))
    for _, s in data:
        for f in FIELDS:
            if s and f in s["fields"] and f not in cols:
                cols.append(f)
    cols = [f for f in FIELDS if f in cols]
    if not any(s for _, s in data):
        continue
    pages = next((s["pages"] for _, s in data if s), 0)
    out += ["### %s (%d pages)" % (corpus, pages), ""]
    line = lambda cells: "| " + " | ".join(cells) + " |"
    out.append(line(["contender", measure, "failed"] + cols))
    out.append("|---|---:|---:|" + "---:|" * len(cols))
    for label, s in data:
        if not s:
            out.append(line([label, "not run", ""] + [""] * len(cols)))
            continue
        content = s.get("snippet-F1") if measure.startswith("pooled") else s["mean-F1"]
        cells = []
        for f in cols:
            h, t = s["fields"].get(f, [0, 0])
            cells.append("%.1f%%" % (100 * h / t) if t else "-")
        out.append(line([label, "%.3f" % content, str(s["failed"])] + cells))
    out.append(line(["*target (issue 3)*", "≥ %.2f" % target, ""] +
                    [("≥ %d%%" % ftargets[f]) if f in ftargets else "-" for f in cols]))
    out.append("")
if have_py != "1":
    out.append("readability-lxml and trafilatura: not installed (.venv-bench).")
print("\n".join(out).rstrip("\n"))
PY
cat "$out/quality.md"
