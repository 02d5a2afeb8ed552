using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Extraction.Store;

namespace Extraction.Cli.Commands;

/// <summary><c>index</c> and <c>query</c>: the news knowledge base (an SQLite file or a PostgreSQL database, see README "News knowledge base").</summary>
internal static class StoreCommands
{
    // Documents per transaction: a crash loses at most this many finished extractions, which a re-run redoes.
    private const int DefaultBatchSize = 64;

    public static Command CreateIndexCommand(CliConsole console, Func<Extractor> extractorFactory)
    {
        var inputs = new Argument<string[]>("input")
        {
            Description = "JSONL files ({\"id\", \"text\", \"date\"?, \"source\"?, \"title\"?} per line), .txt files (id = file name), folders of them, or - for JSONL on stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = new Option<string>("--db") { Description = "The store file (created when missing), or a PostgreSQL URL postgres://user:password@host:port/database or Npgsql connection string (Host=...); the tables are created in an empty schema.", Required = true };
        var batchSize = new Option<int>("--batch-size") { Description = "Documents written per transaction.", DefaultValueFactory = _ => DefaultBatchSize };
        var command = new Command("index", "Extract articles and add them to a news knowledge base (idempotent by document id; resumes after a crash).")
        {
            inputs, db, batchSize,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            int size = parseResult.GetValue(batchSize);
            if (size < 1)
            {
                return Task.FromResult(ExtractCommand.Fail(console, "--batch-size must be at least 1.", ExitCodes.Usage));
            }

            return Task.FromResult(RunIndex(console, parseResult.GetValue(inputs) ?? [], parseResult.GetValue(db)!, size, extractorFactory, cancellationToken));
        });
        return command;
    }

    public static Command CreateQueryCommand(CliConsole console)
    {
        var db = new Option<string>("--db") { Description = "The store file, or a PostgreSQL URL or connection string (opened read-only).", Required = true };
        var type = new Option<string?>("--type") { Description = "Only facts of this relation type (Meeting, HoldsRole, Statement, ...)." };
        var entity = new Option<string?>("--entity") { Description = "Only facts with an argument that is this entity (canonical name or alias)." };
        var participant = new Option<string?>("--participant") { Description = "Only facts with this participant." };
        var place = new Option<string?>("--place") { Description = "Only facts at this place." };
        var from = new Option<string?>("--from") { Description = "Only documents dated on or after this day (YYYY-MM-DD)." };
        var to = new Option<string?>("--to") { Description = "Only documents dated on or before this day (YYYY-MM-DD)." };
        var limit = new Option<int?>("--limit") { Description = "At most this many rows." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        var topPairs = new Option<bool>("--top-pairs") { Description = "Who meets whom most often: participant pairs of Meeting facts with counts (default limit 20)." };
        var timeline = new Option<string?>("--timeline") { Description = "The facts about one entity (name or alias) in date order." };
        var command = new Command("query", "Query a news knowledge base: facts with document, sentence and offsets.")
        {
            db, type, entity, participant, place, from, to, limit, format, topPairs, timeline,
        };
        command.SetAction(parseResult =>
        {
            if (!TryParseDate(parseResult.GetValue(from), out DateOnly? fromDate) || !TryParseDate(parseResult.GetValue(to), out DateOnly? toDate))
            {
                return ExtractCommand.Fail(console, "--from and --to take a date as YYYY-MM-DD.", ExitCodes.Usage);
            }

            int? rows = parseResult.GetValue(limit);
            if (rows is < 0)
            {
                return ExtractCommand.Fail(console, "--limit must not be negative.", ExitCodes.Usage);
            }

            string? timelineName = parseResult.GetValue(timeline);
            bool pairs = parseResult.GetValue(topPairs);
            if (pairs && timelineName is not null)
            {
                return ExtractCommand.Fail(console, "--top-pairs and --timeline cannot be combined.", ExitCodes.Usage);
            }

            var query = new FactQuery
            {
                Type = parseResult.GetValue(type),
                Entity = parseResult.GetValue(entity),
                Participant = parseResult.GetValue(participant),
                Place = parseResult.GetValue(place),
                From = fromDate,
                To = toDate,
                Limit = rows,
            };
            string outputFormat = parseResult.GetValue(format) ?? "table";
            try
            {
                using NewsStore store = NewsStore.Open(parseResult.GetValue(db)!, NewsStoreOptions.ReadOnly);
                using var output = new StreamWriter(console.Output, InputText.Utf8NoBom, leaveOpen: true);
                if (pairs)
                {
                    WritePairs(output, store.TopPairs(rows ?? 20, fromDate, toDate), outputFormat);
                }
                else
                {
                    IReadOnlyList<StoredFact> facts = timelineName is not null ? store.Timeline(timelineName, query) : store.QueryFacts(query);
                    WriteFacts(output, facts, outputFormat);
                }
            }
            catch (NewsStoreException e)
            {
                return ExtractCommand.Fail(console, e.Message, ExitCodes.InputError);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly value))
        {
            date = value;
            return true;
        }

        return false;
    }

    private sealed record IndexItem(NewsDocument? Document, string? Error);

    private static int RunIndex(CliConsole console, string[] inputs, string dbPath, int batchSize, Func<Extractor> extractorFactory, CancellationToken cancellationToken)
    {
        foreach (string input in inputs)
        {
            if (input != "-" && !File.Exists(input) && !Directory.Exists(input))
            {
                return ExtractCommand.Fail(console, $"file not found: '{input}'.", ExitCodes.InputError);
            }
        }

        NewsStore store;
        try
        {
            store = NewsStore.Open(dbPath);
        }
        catch (NewsStoreException e)
        {
            return ExtractCommand.Fail(console, e.Message, ExitCodes.InputError);
        }

        using (store)
        {
            Extractor extractor = extractorFactory();
            int added = 0, replaced = 0, unchanged = 0, errors = 0;
            var pending = new List<(NewsDocument, ExtractionResult)>(batchSize);
            void Flush()
            {
                foreach (AddOutcome outcome in store.AddRange(pending))
                {
                    _ = outcome switch
                    {
                        AddOutcome.Added => added++,
                        AddOutcome.Replaced => replaced++,
                        _ => unchanged++,
                    };
                }

                pending.Clear();
                if (console.ErrorIsTerminal)
                {
                    console.Error.Write($"\rindexing: {added + replaced} written, {unchanged} unchanged, {errors} errors");
                    console.Error.Flush();
                }
            }

            try
            {
                // Whether a document is already stored is asked on this thread, as items are read: asked from the
                // workers, it waited for the store's lock while a batch was being written, and extraction stalled.
                // Two batches in flight keep the cores extracting while one is written.
                foreach ((IndexItem item, ExtractionResult? result) in Pipeline.OrderedParallel.Map(
                    ReadInputs(inputs, console).Select(item => (Item: item, Extract: item.Document is { } document && !store.Contains(document))),
                    entry => (entry.Item, entry.Extract ? extractor.Extract(entry.Item.Document!.Text, cancellationToken) : null),
                    Math.Max(2 * batchSize, Pipeline.OrderedParallel.DefaultWindow),
                    cancellationToken))
                {
                    if (item.Error is not null)
                    {
                        console.Error.WriteLine((console.ErrorIsTerminal ? "\r" : "") + "error: " + item.Error);
                        errors++;
                    }
                    else if (result is null)
                    {
                        unchanged++;
                    }
                    else
                    {
                        pending.Add((item.Document!, result));
                        if (pending.Count >= batchSize)
                        {
                            Flush();
                        }
                    }
                }

                Flush();
            }
            catch (NewsStoreException e)
            {
                return ExtractCommand.Fail(console, e.Message, ExitCodes.InputError);
            }

            console.Error.WriteLine((console.ErrorIsTerminal ? "\r" : "") +
                $"indexed: {added} added, {replaced} replaced, {unchanged} unchanged, {errors} errors; the store holds {store.CountDocuments()} documents and {store.CountFacts()} facts.");
            console.Error.Flush();
            return errors == 0 ? ExitCodes.Success : ExitCodes.BatchLineErrors;
        }
    }

    private static IEnumerable<IndexItem> ReadInputs(string[] inputs, CliConsole console)
    {
        foreach (string input in inputs)
        {
            if (input == "-")
            {
                foreach (IndexItem item in ReadJsonLines(console.Input, "stdin"))
                {
                    yield return item;
                }

                continue;
            }

            IEnumerable<string> files = Directory.Exists(input)
                ? Directory.EnumerateFiles(input)
                    .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                : [input];
            foreach (string file in files)
            {
                if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                {
                    yield return ReadTextFile(file, console);
                    continue;
                }

                Stream? stream = InputText.Open(file, console, out string? error);
                if (stream is null)
                {
                    yield return new IndexItem(null, error);
                    continue;
                }

                using (stream)
                {
                    foreach (IndexItem item in ReadJsonLines(stream, file))
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    private static IndexItem ReadTextFile(string file, CliConsole console)
    {
        Stream? stream = InputText.Open(file, console, out string? error);
        if (stream is null)
        {
            return new IndexItem(null, error);
        }

        string? text;
        using (stream)
        {
            text = InputText.ReadAll(stream, $"'{file}'", out error);
        }

        return text is null ? new IndexItem(null, error) : new IndexItem(new NewsDocument(Path.GetFileName(file), text), null);
    }

    private static IEnumerable<IndexItem> ReadJsonLines(Stream stream, string name)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = new LineReader(stream);
        int lineNumber = 0;
        while (reader.TryReadLine(out byte[] line))
        {
            lineNumber++;
            if (line.AsSpan().Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            NewsDocument? document = ParseLine(line, out string? problem);
            if (document is not null && !seen.TryAdd(document.Id, lineNumber))
            {
                problem = $"duplicate id \"{document.Id}\" (first on line {seen[document.Id]}); the line is skipped";
                document = null;
            }

            yield return document is null ? new IndexItem(null, $"{name}:{lineNumber}: {problem}") : new IndexItem(document, null);
        }
    }

    private static NewsDocument? ParseLine(byte[] line, out string? problem)
    {
        string? decoded = InputText.Decode(line, "the line", out problem);
        if (decoded is null)
        {
            return null;
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(decoded);
            JsonElement root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the line is not a JSON object";
                return null;
            }

            string? id = root.TryGetProperty("id", out JsonElement idElement) ? idElement.ValueKind switch
            {
                JsonValueKind.String => idElement.GetString(),
                JsonValueKind.Number => idElement.GetRawText(),
                _ => null,
            } : null;
            if (string.IsNullOrEmpty(id))
            {
                problem = "the object has no string or number field \"id\"";
                return null;
            }

            if (!root.TryGetProperty("text", out JsonElement text) || text.ValueKind != JsonValueKind.String)
            {
                problem = $"the object (id \"{id}\") has no string field \"text\"";
                return null;
            }

            if (!TryOptionalString(root, "date", out string? dateText) || !TryOptionalString(root, "source", out string? source) || !TryOptionalString(root, "title", out string? title))
            {
                problem = $"the object (id \"{id}\"): \"date\", \"source\" and \"title\" must be strings or null";
                return null;
            }

            DateOnly? date = null;
            if (dateText is not null)
            {
                date = ParseDocumentDate(dateText);
                if (date is null)
                {
                    problem = $"the object (id \"{id}\") has an unreadable \"date\" \"{dateText}\" (expected YYYY-MM-DD or an ISO 8601 time)";
                    return null;
                }
            }

            return new NewsDocument(id, text.GetString()!) { Date = date, Source = source, Title = title };
        }
        catch (JsonException e)
        {
            problem = "invalid JSON: " + e.Message;
            return null;
        }
    }

    private static bool TryOptionalString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return element.ValueKind == JsonValueKind.String;
    }

    // A day (2024-03-05) or an ISO 8601 time (2024-03-05T10:00:00+01:00): the calendar day as written, not converted to UTC.
    internal static DateOnly? ParseDocumentDate(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            return day;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset time) && text.Length >= 10 && text[4] == '-')
        {
            return DateOnly.FromDateTime(time.DateTime);
        }

        return null;
    }

    private static void WriteFacts(StreamWriter output, IReadOnlyList<StoredFact> facts, string format)
    {
        switch (format)
        {
            case "jsonl":
                WriteJsonLines(output, facts, WriteFactJson);
                break;
            case "csv":
                output.Write("document,date,source,sentence,start,end,type,arguments,modality,score,rule,code,time,sentence_text\n");
                foreach (StoredFact fact in facts)
                {
                    output.Write(string.Join(',', new[]
                    {
                        fact.DocumentId, FormatDate(fact.Date), fact.Source ?? "", Number(fact.Sentence), Number(fact.Start), Number(fact.End), fact.Type,
                        ArgumentsJson(fact), fact.Modality.ToString().ToLowerInvariant(), fact.Score.ToString("0.####", CultureInfo.InvariantCulture),
                        fact.Rule, fact.Code ?? "", fact.Time ?? "", fact.SentenceText,
                    }.Select(Csv)));
                    output.Write('\n');
                }

                break;
            default:
                WriteTable(output, ["date", "document", "sentence", "offsets", "type", "modality", "arguments"], facts.Select(f => new[]
                {
                    FormatDate(f.Date), f.DocumentId, Number(f.Sentence), $"{Number(f.Start)}-{Number(f.End)}", f.Type, f.Modality.ToString().ToLowerInvariant(),
                    string.Join("; ", f.Arguments.Select(a => a.Name + "=" + (a.IsList ? "[" + string.Join(", ", a.Values) + "]" : a.Values[0]))),
                }).ToList());
                output.Write($"{facts.Count} facts\n");
                break;
        }
    }

    // One JSON object per line, written straight to the output's bytes with the extract contract's encoder.
    private static void WriteJsonLines<T>(StreamWriter output, IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
    {
        output.Flush();
        var options = new JsonWriterOptions { Encoder = Serialization.ResultJsonWriter.Encoder };
        foreach (T row in rows)
        {
            using (var writer = new Utf8JsonWriter(output.BaseStream, options))
            {
                write(writer, row);
            }

            output.BaseStream.WriteByte((byte)'\n');
        }

        output.BaseStream.Flush();
    }

    private static void WriteFactJson(Utf8JsonWriter writer, StoredFact fact)
    {
        writer.WriteStartObject();
        writer.WriteString("document", fact.DocumentId);
        writer.WriteNumber("sentence", fact.Sentence);
        writer.WriteNumber("start", fact.Start);
        writer.WriteNumber("end", fact.End);
        writer.WriteString("type", fact.Type);
        WriteArguments(writer, fact, entityIds: false);
        Serialization.ResultJsonWriter.WriteRelationFields(writer, fact.Modality, fact.Score, fact.Rule, fact.Code, fact.Time, fact.EvidenceSentences);
        if (fact.Date is { } date)
        {
            writer.WriteString("date", FormatDate(date));
        }

        if (fact.Source is not null)
        {
            writer.WriteString("source", fact.Source);
        }

        if (fact.Title is not null)
        {
            writer.WriteString("title", fact.Title);
        }

        writer.WriteString("sentenceText", fact.SentenceText);
        WriteArguments(writer, fact, entityIds: true);
        writer.WriteEndObject();
    }

    // The arguments as in the extract JSON contract, or (entityIds) the store-wide entity id of each linked value.
    private static void WriteArguments(Utf8JsonWriter writer, StoredFact fact, bool entityIds)
    {
        writer.WriteStartObject(entityIds ? "entities" : "arguments");
        WriteArgumentMembers(writer, fact, entityIds);
        writer.WriteEndObject();
    }

    private static void WriteArgumentMembers(Utf8JsonWriter writer, StoredFact fact, bool entityIds)
    {
        foreach (StoredArgument argument in fact.Arguments)
        {
            IReadOnlyList<string?> values = entityIds ? argument.EntityIds : argument.Values;
            if (entityIds && values.All(v => v is null))
            {
                continue;
            }

            if (argument.IsList)
            {
                writer.WriteStartArray(argument.Name);
                foreach (string? value in values)
                {
                    if (value is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        writer.WriteStringValue(value);
                    }
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteString(argument.Name, values[0]);
            }
        }
    }

    private static string ArgumentsJson(StoredFact fact)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Serialization.ResultJsonWriter.Encoder }))
        {
            writer.WriteStartObject();
            WriteArgumentMembers(writer, fact, entityIds: false);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WritePairs(StreamWriter output, IReadOnlyList<EntityPair> pairs, string format)
    {
        switch (format)
        {
            case "jsonl":
                WriteJsonLines(output, pairs, static (writer, pair) =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartObject("first");
                    writer.WriteString("id", pair.First);
                    writer.WriteString("name", pair.FirstName);
                    writer.WriteEndObject();
                    writer.WriteStartObject("second");
                    writer.WriteString("id", pair.Second);
                    writer.WriteString("name", pair.SecondName);
                    writer.WriteEndObject();
                    writer.WriteNumber("meetings", pair.Meetings);
                    writer.WriteNumber("documents", pair.Documents);
                    writer.WriteEndObject();
                });
                break;
            case "csv":
                output.Write("first_id,first,second_id,second,meetings,documents\n");
                foreach (EntityPair pair in pairs)
                {
                    output.Write(string.Join(',', new[] { pair.First, pair.FirstName, pair.Second, pair.SecondName, Number(pair.Meetings), Number(pair.Documents) }.Select(Csv)));
                    output.Write('\n');
                }

                break;
            default:
                WriteTable(output, ["meetings", "documents", "first", "second"], pairs.Select(p => new[] { Number(p.Meetings), Number(p.Documents), p.FirstName, p.SecondName }).ToList());
                break;
        }
    }

    private static void WriteTable(StreamWriter output, string[] header, List<string[]> rows)
    {
        var widths = header.Select(h => h.Length).ToArray();
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        void Line(string[] cells) => output.Write(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd() + "\n");
        Line(header);
        foreach (string[] row in rows)
        {
            Line(row.Select(c => c.ReplaceLineEndings(" ")).ToArray());
        }
    }

    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
