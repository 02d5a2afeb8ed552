#:project ../../src/Extraction.Store/Extraction.Store.csproj
#:property PublishAot=false

// In-process query timings of the news store (no process start-up): opens the store read-only, runs each
// query once to warm the JIT and SQLite's page cache, then RUNS times, and prints one line per query:
//   NAME rows=N median_ms=M min_ms=M max_ms=M
// Usage: dotnet run benchmarks/store/QueryTiming.cs -- STORE.db PARTICIPANT FROM TO [RUNS]
using System.Diagnostics;
using System.Globalization;
using Extraction.Store;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: QueryTiming.cs STORE.db PARTICIPANT FROM TO [RUNS]");
    return 1;
}

string path = args[0];
string participant = args[1];
DateOnly from = DateOnly.ParseExact(args[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
DateOnly to = DateOnly.ParseExact(args[3], "yyyy-MM-dd", CultureInfo.InvariantCulture);
int runs = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20;

using NewsStore store = NewsStore.Open(path, NewsStoreOptions.ReadOnly);
Measure("filtered", () => store.QueryFacts(new FactQuery { Participant = participant, From = from, To = to }).Count);
Measure("meetings-filtered", () => store.QueryFacts(new FactQuery { Type = "Meeting", Participant = participant, From = from, To = to }).Count);
Measure("top-pairs", () => store.TopPairs().Count);
Measure("timeline", () => store.Timeline(participant).Count);
return 0;

void Measure(string name, Func<int> query)
{
    int rows = query();
    var times = new double[runs];
    for (int i = 0; i < runs; i++)
    {
        long start = Stopwatch.GetTimestamp();
        rows = query();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name} rows={rows} median_ms={times[runs / 2]:0.0} min_ms={times[0]:0.0} max_ms={times[^1]:0.0}"));
}
