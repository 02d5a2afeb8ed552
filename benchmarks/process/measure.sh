#!/usr/bin/env bash
# Whole-process timings of the CLI as users run it (the published linux-x64 ReadyToRun build, the same
# build the tool package ships), next to the in-process library on the same input, in one run:
#   1. one short text: wall time (hyperfine, 10 runs after 2 warm-ups) and peak memory (/usr/bin/time);
#   2. `extract --batch` over the real news of ../shared/data/news-de/ (repeated to COPIES x 1,004
#      articles) against the library's own batch API in a warm process (benchmarks/Extraction.Benchmarks
#      `throughput`), in words/s and our tokens/s;
#   3. the unpunctuated many-entity sentence ("und Merz traf Macron in Paris" x N) at 30,000 and 60,000.
# Usage: benchmarks/process/measure.sh [COPIES]   (needs hyperfine: apt-get install hyperfine)
# Writes benchmarks/results/process.md. The news texts stay in a temporary folder (their licence).
set -euo pipefail
cd "$(dirname "$0")/../.."
copies=${1:-4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }

dotnet publish src/Extraction.Cli -c Release -r linux-x64 --self-contained false -o "$work/cli" -v quiet -nologo >/dev/null
dotnet build benchmarks/Extraction.Benchmarks -c Release -v quiet -nologo >/dev/null
cli="$work/cli/Extraction.Cli"

echo "Bundeskanzler Friedrich Merz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron." > "$work/short.txt"
python3 - "$copies" "$work/news.jsonl" <<'PY'
import json, sys
copies = int(sys.argv[1])
articles = [json.loads(l) for l in open("../shared/data/news-de/derstandard-10kgnad.jsonl", encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(copies):
        for a in articles:
            out.write(json.dumps({"id": f"{a['id']}-{k}", "text": a["text"]}, ensure_ascii=False) + "\n")
PY
words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1], encoding='utf-8')))" "$work/news.jsonl")
for n in 30000 60000; do
  python3 -c "import sys; sys.stdout.write(' '.join(['und Merz traf Macron in Paris'] * $n))" > "$work/sentence-$n.txt"
done

hyperfine -N --warmup 2 --runs 10 --export-json "$work/short.json" "$cli extract $work/short.txt" >/dev/null
short_mean=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{r['mean']:.3f} s ± {r['stddev']:.3f}\")" "$work/short.json")
/usr/bin/time -f "%M" -o "$work/short.rss" "$cli" extract "$work/short.txt" >/dev/null
short_rss=$(( $(cat "$work/short.rss") / 1024 ))

/usr/bin/time -f "%e %U %M" -o "$work/batch.time" "$cli" extract --batch "$work/news.jsonl" > "$work/out.jsonl"
read -r batch_wall batch_user batch_rss < "$work/batch.time"
library=$(dotnet benchmarks/Extraction.Benchmarks/bin/Release/net10.0/Extraction.Benchmarks.dll throughput "$work/news.jsonl" --passes 2)
lib_all=$(echo "$library" | grep "all cores" | sed -E 's/.* ([0-9]+) words\/s, ([0-9]+) tokens\/s.*/\1 \2/')
lib_one=$(echo "$library" | grep "one core" | sed -E 's/.* ([0-9]+) words\/s, ([0-9]+) tokens\/s.*/\1 \2/')
tokens=$(echo "$library" | grep "all cores" | sed -E 's/.*\(([0-9]+) tokens\).*/\1/')

/usr/bin/time -f "%e %M" -o "$work/s30.time" "$cli" extract "$work/sentence-30000.txt" > /dev/null
/usr/bin/time -f "%e %M" -o "$work/s60.time" "$cli" extract "$work/sentence-60000.txt" > /dev/null
read -r s30 s30rss < "$work/s30.time"; read -r s60 s60rss < "$work/s60.time"

python3 - "$words" "$tokens" "$batch_wall" "$batch_user" "$batch_rss" "$lib_all" "$lib_one" "$short_mean" "$short_rss" "$s30" "$s60" "$s30rss" "$s60rss" "$(nproc)" "$copies" <<'PY' | tee benchmarks/results/process.md
import sys
words, tokens = int(sys.argv[1]), int(sys.argv[2])
wall, user, rss = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]) // 1024
lib_all_w, lib_all_t = map(int, sys.argv[6].split()); lib_one_w, lib_one_t = map(int, sys.argv[7].split())
short_mean, short_rss = sys.argv[8], sys.argv[9]
s30, s60, s30rss, s60rss = float(sys.argv[10]), float(sys.argv[11]), int(sys.argv[12]) // 1024, int(sys.argv[13]) // 1024
cores, copies = sys.argv[14], sys.argv[15]
print("# Whole-process timings\n")
print(f"Written by `benchmarks/process/measure.sh {copies}` on {cores} cores: the published linux-x64 ReadyToRun CLI (the build the tool package ships), tiered PGO off, no call-counting delay.\n")
print("| what | figure |\n|---|---|")
print(f"| one short text (`extract`, 16 words): wall | {short_mean} (hyperfine, 10 runs) |")
print(f"| one short text: peak memory | {short_rss} MiB |")
print(f"| `extract --batch`, {words:,} words ({tokens:,} tokens) of real news | {wall:.2f} s wall, {user:.2f} s user CPU, {rss} MiB peak: {words / wall:,.0f} words/s, {tokens / wall:,.0f} tokens/s |")
print(f"| library in a warm process, all cores, same input | {lib_all_w:,} words/s, {lib_all_t:,} tokens/s |")
print(f"| library in a warm process, one core | {lib_one_w:,} words/s, {lib_one_t:,} tokens/s |")
print(f"| CLI batch / library (all cores) | {words / wall / lib_all_w:.2f}x |")
print(f"| library all cores / one core | {lib_all_w / lib_one_w:.2f}x |")
print(f"| unpunctuated sentence x 30,000 (180,000 words) | {s30:.2f} s, {s30rss} MiB |")
print(f"| unpunctuated sentence x 60,000 (360,000 words) | {s60:.2f} s, {s60rss} MiB ({s60 / s30:.2f}x the time for 2x the input) |")
PY
