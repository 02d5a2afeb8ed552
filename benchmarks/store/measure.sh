#!/usr/bin/env bash
# The news store at scale (not in CI): builds ARTICLES articles (default 100,000) from the real news of
# ../shared/data/news-de/derstandard-10kgnad.jsonl (the 1,004 texts repeated, ids gnad-<row>-<k>, dates spread
# over 2015-2016), then with the published linux-x64 CLI (the build the tool package ships) measures:
#   1. `extract --batch` over the input (the extraction throughput the index is compared with);
#   2. `index` of the same input into a new store: wall time, documents/s, peak memory, file size;
#   3. a filtered query (--participant of the most frequent meeting participant, --from/--to half a year)
#      and --top-pairs, as whole processes (hyperfine) and in-process (benchmarks/store/QueryTiming.cs,
#      a file-based app on the store project: warm, median of 20 runs), since process start-up dominates the CLI.
# Usage: benchmarks/store/measure.sh [ARTICLES]   (needs hyperfine and sqlite3)
# Writes benchmarks/results/store.md. The news texts stay in a temporary folder and are deleted (their licence).
set -euo pipefail
cd "$(dirname "$0")/../.."
articles=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in hyperfine sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
load() { cut -d' ' -f1 /proc/loadavg; }

log "publishing the CLI"
dotnet publish src/Extraction.Cli -c Release -r linux-x64 --self-contained false -o "$work/cli" -v quiet -nologo >/dev/null
cli="$work/cli/Extraction.Cli"
log "building the in-process timing app"
dotnet build benchmarks/store/QueryTiming.cs -c Release -v quiet -nologo >/dev/null

log "writing $articles articles"
python3 benchmarks/store/articles.py "$articles" "$work/news.jsonl"
input_mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1]) / 2**20:.0f}')" "$work/news.jsonl")

log "extract --batch"
extract_load_before=$(load)
/usr/bin/time -f "%e %M" -o "$work/extract.time" "$cli" extract --batch "$work/news.jsonl" > /dev/null
read -r extract_wall extract_rss < "$work/extract.time"
extract_load=$(load)

log "index"
index_load_before=$(load)
/usr/bin/time -f "%e %M" -o "$work/index.time" "$cli" index "$work/news.jsonl" --db "$work/store.db" 2> "$work/index.err"
read -r index_wall index_rss < "$work/index.time"
index_load=$(load)
summary=$(grep '^indexed:' "$work/index.err" | tail -1)
size_mb=$(python3 -c "import os,sys; print(f'{sum(os.path.getsize(p) for p in sys.argv[1:] if os.path.exists(p)) / 2**20:.0f}')" "$work/store.db" "$work/store.db-wal")
counts=$(sqlite3 "$work/store.db" "SELECT (SELECT count(*) FROM documents) || ' documents, ' || (SELECT count(*) FROM facts) || ' facts (' || (SELECT count(*) FROM facts WHERE type = 'Meeting') || ' meetings), ' || (SELECT count(*) FROM entities) || ' entities, ' || (SELECT count(*) FROM mentions) || ' mentions'")

name=$(sqlite3 "$work/store.db" "SELECT name FROM meeting_participants GROUP BY entity_id ORDER BY count(*) DESC, name LIMIT 1")
from=2015-03-01; to=2015-08-31
log "queries (participant: $name)"
filtered=("$cli" query --db "$work/store.db" --participant "$name" --from "$from" --to "$to" --format jsonl)
pairs=("$cli" query --db "$work/store.db" --top-pairs --format jsonl)
filtered_rows=$("${filtered[@]}" | wc -l)
pairs_rows=$("${pairs[@]}" | wc -l)
hyperfine -N --warmup 2 --runs 10 --export-json "$work/q.json" \
  -n filtered "$(printf '%q ' "${filtered[@]}")" -n top-pairs "$(printf '%q ' "${pairs[@]}")" -n startup "$cli info" >/dev/null
inproc=$(dotnet run --no-build -c Release benchmarks/store/QueryTiming.cs -- "$work/store.db" "$name" "$from" "$to" 20)
sql_ms=$(printf '.timer on\nSELECT count(*) FROM (SELECT a.entity_id, b.entity_id FROM meeting_participants a JOIN meeting_participants b ON a.fact_id = b.fact_id AND a.entity_id < b.entity_id GROUP BY a.entity_id, b.entity_id ORDER BY count(*) DESC LIMIT 20);\n' | sqlite3 "$work/store.db" 2>&1 | grep -o 'real [0-9.]*' | tail -1 | cut -d' ' -f2 || true)

python3 - "$articles" "$input_mb" "$extract_wall" "$extract_rss" "$index_wall" "$index_rss" "$size_mb" "$summary" "$counts" \
  "$name" "$from" "$to" "$filtered_rows" "$pairs_rows" "$work/q.json" "$inproc" "$(nproc)" "$extract_load_before/$extract_load" "$index_load_before/$index_load" "$sql_ms" <<'PY' | tee benchmarks/results/store.md
import json, sys
(n, input_mb, ew, erss, iw, irss, size_mb, summary, counts, name, frm, to, frows, prows, qjson, inproc, cores,
 eload, iload, sql_ms) = sys.argv[1:]
n, ew, iw = int(n), float(ew), float(iw)
q = {r["command"]: r for r in json.load(open(qjson))["results"]}
inp = {l.split()[0]: dict(kv.split("=") for kv in l.split()[1:]) for l in inproc.splitlines() if l.strip()}
def hf(k): r = q[k]; return f"{r['mean'] * 1000:.0f} ms ± {r['stddev'] * 1000:.0f}"
print("# News store at scale\n")
print(f"Written by `benchmarks/store/measure.sh {n}` on {cores} cores: the published linux-x64 ReadyToRun CLI "
      f"(`dotnet publish src/Extraction.Cli -c Release -r linux-x64`), input {n:,} articles ({input_mb} MiB of JSONL): "
      f"the 1,004 derStandard.at texts of `../shared/data/news-de/` repeated with new ids (`gnad-<row>-<k>`), dated "
      f"over 2015-2016. One run each; load average (1 min) before/after: extract {eload}, index {iload}.\n")
print("| what | figure | target |\n|---|---|---|")
print(f"| `extract --batch` (no store) | {ew:.1f} s wall, {n / ew:,.0f} documents/s, {int(erss) // 1024} MiB peak | |")
print(f"| `index` into a new store | {iw:.1f} s wall, {n / iw:,.0f} documents/s, {int(irss) // 1024} MiB peak | |")
print(f"| index / extract throughput | **{ew / iw:.2f}x** | ≥ 0.9x |")
print(f"| store file (db + WAL) | {size_mb} MiB: {counts} | |")
print(f"| index summary | `{summary}` | |")
print(f"| filtered query, CLI process (`--participant \"{name}\" --from {frm} --to {to}`, {frows} rows, jsonl) | {hf('filtered')} (hyperfine, 10 runs) | |")
print(f"| `--top-pairs`, CLI process ({prows} pairs, jsonl) | {hf('top-pairs')} | |")
print(f"| a CLI process that loads the models (`info`), for comparison | {hf('startup')} | |")
for k, label, target in [("filtered", "filtered query (`QueryFacts`, same filters)", "≤ 50 ms"),
                         ("meetings-filtered", "the same with `Type = \"Meeting\"`", ""),
                         ("top-pairs", "`TopPairs()` (20 pairs)", "≤ 500 ms"),
                         ("timeline", f"`Timeline(\"{name}\")`", "")]:
    r = inp[k]
    print(f"| in-process {label}: {r['rows']} rows | **{r['median_ms']} ms** median (min {r['min_ms']}, max {r['max_ms']}; 20 warm runs) | {target} |")
print(f"| top-pairs join in `sqlite3` alone (pair counts, no names) | {sql_ms} s | |")
print("\nIn-process figures: `benchmarks/store/QueryTiming.cs` (a file-based app referencing the store project with "
      "`#:project`), store opened read-only, one warm-up run, median of 20. CLI figures include process start-up.")
PY
log "done"
