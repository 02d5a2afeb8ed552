#:project ../../src/Extraction.Store/Extraction.Store.csproj
#:property PublishAot=false

// The store's write cost alone (no extraction in the timed part): extracts the first ARTICLES lines of a JSONL
// file once, then adds them to a new store in batches of 64 as `index` does, COPIES times with new ids, and
// prints the wall and CPU milliseconds of writing per document for each copy (CPU time, of the whole process, is
// the figure that competes with extraction and is less disturbed by other load) (the store grows, so later copies show the
// cost of a bigger store). Usage: dotnet run benchmarks/store/WriteTiming.cs -- NEWS.jsonl ARTICLES COPIES STORE
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Extraction;
using Extraction.Store;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: WriteTiming.cs NEWS.jsonl ARTICLES COPIES STORE");
    return 1;
}

int articles = int.Parse(args[1], CultureInfo.InvariantCulture);
int copies = int.Parse(args[2], CultureInfo.InvariantCulture);
string storePath = args[3];
var texts = File.ReadLines(args[0]).Take(articles).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!).ToList();
Extractor extractor = Extractor.CreateGerman();
var results = extractor.Extract(texts).ToList();
File.Delete(storePath);
using NewsStore store = NewsStore.Open(storePath);
for (int copy = 0; copy < copies; copy++)
{
    var watch = Stopwatch.StartNew();
    TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    int batchSize = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 64;
    for (int start = 0; start < texts.Count; start += batchSize)
    {
        var batch = new List<(NewsDocument, ExtractionResult)>();
        for (int i = start; i < Math.Min(texts.Count, start + batchSize); i++)
        {
            batch.Add((new NewsDocument($"doc-{i}-{copy}", texts[i]) { Date = new DateOnly(2015, 1, 1).AddDays((i * 7919 + copy) % 731), Source = "bench" }, results[i]));
        }

        store.AddRange(batch);
    }

    double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    Console.WriteLine($"copy {copy}: {watch.Elapsed.TotalMilliseconds / texts.Count:F3} ms/document wall, {cpuMs / texts.Count:F3} ms/document CPU");
}

return 0;
