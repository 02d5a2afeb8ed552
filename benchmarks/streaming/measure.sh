#!/usr/bin/env bash
# Peak memory of `extract --batch` on a large JSON Lines stream (default 100 MB), built from the team's
# sample articles. Usage: benchmarks/streaming/measure.sh [MEGABYTES]. Prints size, time, documents/s and
# the peak resident set size reported by /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/../.."
megabytes=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$megabytes" "$work/input.jsonl" <<'PY'
import json, sys
target = int(sys.argv[1]) * 1024 * 1024
articles = [json.loads(line)["text"] for name in ("dev", "test") for line in open(f"benchmarks/data/{name}.jsonl", encoding="utf-8")]
written = 0; n = 0
with open(sys.argv[2], "w", encoding="utf-8") as out:
    while written < target:
        line = json.dumps({"id": f"doc-{n}", "text": articles[n % len(articles)]}, ensure_ascii=False) + "\n"
        out.write(line); written += len(line.encode("utf-8")); n += 1
print(f"input: {written / 1048576:.1f} MiB, {n} documents")
PY
dotnet build src/Extraction.Cli -c Release -v quiet -nologo >/dev/null
/usr/bin/time -v dotnet src/Extraction.Cli/bin/Release/net10.0/Extraction.Cli.dll extract --batch "$work/input.jsonl" > "$work/output.jsonl" 2> "$work/time.txt"
lines=$(wc -l < "$work/output.jsonl")
echo "output: $lines lines, $(du -m "$work/output.jsonl" | cut -f1) MiB"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time.txt"
