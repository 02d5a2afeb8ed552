"""Writes N benchmark articles as JSONL: the 1,004 derStandard.at texts of ../shared/data/news-de/ repeated
with new ids (gnad-<row>-<k>), dated over 2015-2016. Usage: python3 articles.py N OUT.jsonl
The output holds the news texts (non-commercial licence): keep it in a temporary folder, never commit it."""
import datetime, json, sys

n = int(sys.argv[1])
rows = [json.loads(l) for l in open("../shared/data/news-de/derstandard-10kgnad.jsonl", encoding="utf-8")]
start, days = datetime.date(2015, 1, 1), 731  # 2015-01-01 .. 2016-12-31
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(n):
        row, k = i % len(rows), i // len(rows)
        date = start + datetime.timedelta(days=(i * 7919) % days)
        out.write(json.dumps({"id": f"gnad-{row}-{k}", "text": rows[row]["text"], "date": date.isoformat(),
                              "source": "derStandard.at"}, ensure_ascii=False) + "\n")
