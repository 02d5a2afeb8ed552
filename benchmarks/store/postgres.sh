#!/usr/bin/env bash
# The news store on PostgreSQL (not in CI): the same input as measure.sh (ARTICLES real-news articles, default
# 20,000), `extract --batch` against `index --db $EXTRACTION_BENCH_POSTGRES` into an empty schema, then the
# in-process queries of QueryTiming.cs on that server. The server is the user's: set EXTRACTION_BENCH_POSTGRES
# to a connection string or postgres:// URL (the store's tables go into its current schema, which must be empty).
# Usage: EXTRACTION_BENCH_POSTGRES=... benchmarks/store/postgres.sh [ARTICLES]   Writes benchmarks/results/store-postgres.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
articles=${1:-20000}
target=${EXTRACTION_BENCH_POSTGRES:?set EXTRACTION_BENCH_POSTGRES to the server}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
load() { cut -d' ' -f1 /proc/loadavg; }

log "publishing the CLI"
dotnet publish src/Extraction.Cli -c Release -r linux-x64 --self-contained false -o "$work/cli" -v quiet -nologo >/dev/null
cli="$work/cli/Extraction.Cli"
dotnet build benchmarks/store/QueryTiming.cs -c Release -v quiet -nologo >/dev/null
python3 benchmarks/store/articles.py "$articles" "$work/news.jsonl"

log "extract --batch"
eb=$(load)
/usr/bin/time -f "%e %M" -o "$work/extract.time" "$cli" extract --batch "$work/news.jsonl" > /dev/null
read -r extract_wall extract_rss < "$work/extract.time"
log "index into PostgreSQL"
ib=$(load)
/usr/bin/time -f "%e %M" -o "$work/index.time" "$cli" index "$work/news.jsonl" --db "$target" 2> "$work/index.err"
read -r index_wall index_rss < "$work/index.time"
ia=$(load)
summary=$(grep '^indexed:' "$work/index.err" | tail -1)
name=$("$cli" query --db "$target" --top-pairs --limit 1 --format jsonl | python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['first']['name'])")
from=2015-03-01; to=2015-08-31
inproc=$(dotnet run --no-build -c Release benchmarks/store/QueryTiming.cs -- "$target" "$name" "$from" "$to" 20)

python3 - "$articles" "$extract_wall" "$extract_rss" "$index_wall" "$index_rss" "$summary" "$name" "$from" "$to" "$inproc" "$(nproc)" "$eb/$ib/$ia" <<'PY' | tee benchmarks/results/store-postgres.md
import sys
n, ew, erss, iw, irss, summary, name, frm, to, inproc, cores, loads = sys.argv[1:]
n, ew, iw = int(n), float(ew), float(iw)
inp = {l.split()[0]: dict(kv.split("=") for kv in l.split()[1:]) for l in inproc.splitlines() if l.strip()}
print("# News store on PostgreSQL\n")
print(f"Written by `benchmarks/store/postgres.sh {n}` on {cores} cores, the server on the same machine (loopback). "
      f"Input as in `measure.sh`: {n:,} articles. Load average (1 min) before extract / before index / after: {loads}.\n")
print("| what | figure | target |\n|---|---|---|")
print(f"| `extract --batch` (no store) | {ew:.1f} s wall, {n / ew:,.0f} documents/s, {int(erss) // 1024} MiB peak | |")
print(f"| `index` into PostgreSQL | {iw:.1f} s wall, {n / iw:,.0f} documents/s, {int(irss) // 1024} MiB peak (client) | |")
print(f"| index / extract throughput | **{ew / iw:.2f}x** | ≥ 0.9x |")
print(f"| index summary | `{summary}` | |")
for k, label, target in [("filtered", f"filtered query (`--participant \"{name}\" --from {frm} --to {to}`)", "≤ 50 ms"),
                         ("meetings-filtered", "the same with `Type = \"Meeting\"`", ""),
                         ("top-pairs", "`TopPairs()` (20 pairs)", "≤ 500 ms"),
                         ("timeline", f"`Timeline(\"{name}\")`", "")]:
    r = inp[k]
    print(f"| in-process {label}: {r['rows']} rows | **{r['median_ms']} ms** median (min {r['min_ms']}, max {r['max_ms']}; 20 warm runs) | {target} |")
PY
log "done"
