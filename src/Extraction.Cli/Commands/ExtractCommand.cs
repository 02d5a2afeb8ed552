using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Extraction.Cli.Commands;

/// <summary><c>extract</c>: entities and relations from a file, stdin or a JSONL batch, as JSON.</summary>
internal static class ExtractCommand
{
    // Lines processed together in batch mode: large enough to keep both cores busy, small enough to bound memory.
    private const int BatchBlockSize = 64;

    public static Command Create(CliConsole console, Func<Extractor> extractorFactory)
    {
        var input = new Argument<string?>("input")
        {
            Description = "A UTF-8 text file, or - (or nothing) for stdin. With --batch: a JSONL file of {\"id\", \"text\"} lines.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var batch = new Option<bool>("--batch") { Description = "Read JSON Lines ({\"id\": ..., \"text\": ...}) and write one JSON result per line, in input order." };
        var tokens = new Option<bool>("--tokens") { Description = "Include the tokens (with their annotations) in the output." };
        var indent = new Option<bool>("--indent") { Description = "Indent the JSON (single-document mode only)." };
        var models = new Option<string?>("--models")
        {
            Description = "A folder with retrained models (ner-de.bin; pos-de.bin with lexicon-de.bin) that replace the embedded ones.",
        };
        var command = new Command("extract", "Extract entities and relations from German text and print JSON.")
        {
            input, batch, tokens, indent, models,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new JsonOutputOptions { IncludeTokens = parseResult.GetValue(tokens), Indented = parseResult.GetValue(indent) && !parseResult.GetValue(batch) };
            string? path = parseResult.GetValue(input);
            Func<Extractor> factory = extractorFactory;
            if (parseResult.GetValue(models) is { } folder)
            {
                if (!Directory.Exists(folder))
                {
                    return Task.FromResult(Fail(console, $"the model folder '{folder}' does not exist.", ExitCodes.InputError));
                }

                Extractor fromFolder;
                try
                {
                    fromFolder = Extractor.CreateGerman(new ExtractorOptions { ModelDirectory = folder });
                }
                catch (ModelFormatException e)
                {
                    return Task.FromResult(Fail(console, e.Message, ExitCodes.ModelError));
                }

                factory = () => fromFolder;
            }

            int code = parseResult.GetValue(batch)
                ? RunBatch(console, path, options, factory, cancellationToken)
                : RunSingle(console, path, options, factory, cancellationToken);
            return Task.FromResult(code);
        });
        return command;
    }

    private static int RunSingle(CliConsole console, string? path, JsonOutputOptions options, Func<Extractor> extractorFactory, CancellationToken cancellationToken)
    {
        string name = path is null or "-" ? "stdin" : $"'{path}'";
        Stream? stream = InputText.Open(path, console, out string? error);
        if (stream is null)
        {
            return Fail(console, error!, ExitCodes.InputError);
        }

        string? text;
        using (path is null or "-" ? null : stream)
        {
            text = InputText.ReadAll(stream, name, out error);
        }

        if (text is null)
        {
            return Fail(console, error!, ExitCodes.InputError);
        }

        Extractor extractor = extractorFactory();
        ExtractionResult result = extractor.Extract(text, cancellationToken);
        using (var writer = new Utf8JsonWriter(console.Output, new JsonWriterOptions { Indented = options.Indented, Encoder = Serialization.ResultJsonWriter.Encoder }))
        {
            result.WriteJson(writer, options);
        }

        console.Output.WriteByte((byte)'\n');
        console.Output.Flush();
        return ExitCodes.Success;
    }

    private static int RunBatch(CliConsole console, string? path, JsonOutputOptions options, Func<Extractor> extractorFactory, CancellationToken cancellationToken)
    {
        Stream? stream = InputText.Open(path, console, out string? error);
        if (stream is null)
        {
            return Fail(console, error!, ExitCodes.InputError);
        }

        long? totalBytes = stream.CanSeek ? stream.Length : null;
        Extractor extractor = extractorFactory();
        using (path is null or "-" ? null : stream)
        using (var reader = new LineReader(stream))
        {
            if (console.ErrorIsTerminal && totalBytes is > 0)
            {
                int errors = 0;
                var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Error) });
                ansi.Progress().Start(context =>
                {
                    ProgressTask task = context.AddTask("extracting", maxValue: totalBytes.Value);
                    errors = ProcessBatch(reader, console.Output, options, extractor, cancellationToken, () => task.Value = reader.BytesRead);
                    task.Value = totalBytes.Value;
                });
                return errors == 0 ? ExitCodes.Success : ExitCodes.BatchLineErrors;
            }

            int lineErrors = ProcessBatch(reader, console.Output, options, extractor, cancellationToken, static () => { });
            return lineErrors == 0 ? ExitCodes.Success : ExitCodes.BatchLineErrors;
        }
    }

    /// <summary>
    /// Processes the lines on all cores with a bounded window of lines in flight, writing results in input order;
    /// reading, extracting and writing overlap (no barrier per block). Output is flushed every block of lines.
    /// </summary>
    /// <returns>The number of lines reported as errors.</returns>
    internal static int ProcessBatch(LineReader reader, Stream output, JsonOutputOptions options, Extractor extractor, CancellationToken cancellationToken, Action onProgress)
    {
        int errors = 0;
        int written = 0;
        foreach ((byte[] result, bool isError) in Pipeline.OrderedParallel.Map(
            ReadLines(reader),
            line => (ProcessLine(line.Line, line.Bytes, options, extractor, cancellationToken, out bool isError), isError),
            Math.Max(BatchBlockSize, Pipeline.OrderedParallel.DefaultWindow),
            cancellationToken))
        {
            output.Write(result);
            output.WriteByte((byte)'\n');
            errors += isError ? 1 : 0;
            if (++written % BatchBlockSize == 0)
            {
                output.Flush();
                onProgress();
            }
        }

        output.Flush();
        onProgress();
        return errors;
    }

    private static IEnumerable<(int Line, byte[] Bytes)> ReadLines(LineReader reader)
    {
        int lineNumber = 0;
        while (reader.TryReadLine(out byte[] line))
        {
            lineNumber++;
            if (!IsBlank(line))
            {
                yield return (lineNumber, line);
            }
        }
    }

    private static bool IsBlank(byte[] line)
    {
        foreach (byte b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] ProcessLine(int lineNumber, byte[] line, JsonOutputOptions options, Extractor extractor, CancellationToken cancellationToken, out bool isError)
    {
        string? id = null;
        string? text = null;
        string? problem = null;
        string? decoded = InputText.Decode(line, "the line", out string? decodeError);
        try
        {
            if (decoded is null)
            {
                throw new JsonException(decodeError);
            }

            using JsonDocument json = JsonDocument.Parse(decoded);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "the line is not a JSON object";
            }
            else
            {
                if (json.RootElement.TryGetProperty("id", out JsonElement idElement))
                {
                    id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : idElement.GetRawText();
                }

                if (!json.RootElement.TryGetProperty("text", out JsonElement textElement) || textElement.ValueKind != JsonValueKind.String)
                {
                    problem = "the object has no string field \"text\"";
                }
                else
                {
                    text = textElement.GetString();
                }
            }
        }
        catch (JsonException e)
        {
            problem = decoded is null ? e.Message : "invalid JSON: " + e.Message;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Serialization.ResultJsonWriter.Encoder }))
        {
            if (problem is not null || text is null)
            {
                writer.WriteStartObject();
                if (id is not null)
                {
                    writer.WriteString("id", id);
                }

                writer.WriteNumber("line", lineNumber);
                writer.WriteString("error", problem ?? "no text");
                writer.WriteEndObject();
                isError = true;
            }
            else
            {
                ExtractionResult result = extractor.Extract(text, cancellationToken);
                result.WriteJson(writer, options, id ?? lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
                isError = false;
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static int Fail(CliConsole console, string message, int code)
    {
        console.Error.WriteLine("error: " + message);
        console.Error.Flush();
        return code;
    }
}
