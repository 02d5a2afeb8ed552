using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Extraction.Cli;

/// <summary>Reads a whole input (file or stdin) as UTF-8 text, reporting unreadable input as an error instead of throwing.</summary>
internal static class InputText
{
    /// <summary>The largest single document the CLI reads; larger inputs belong in batch mode.</summary>
    public const long MaxDocumentBytes = 256L * 1024 * 1024;

    /// <summary>Opens a file or stdin (<c>-</c> or null) for reading; on failure returns null and a message.</summary>
    public static Stream? Open(string? path, CliConsole console, out string? error)
    {
        error = null;
        if (path is null || path == "-")
        {
            return console.Input;
        }

        try
        {
            if (Directory.Exists(path))
            {
                error = $"'{path}' is a directory, not a file.";
                return null;
            }

            if (!File.Exists(path))
            {
                error = $"file not found: '{path}'.";
                return null;
            }

            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (UnauthorizedAccessException)
        {
            error = $"permission denied: '{path}'.";
        }
        catch (IOException e)
        {
            error = $"cannot read '{path}': {e.Message}";
        }

        return null;
    }

    /// <summary>Reads all of a stream and decodes it; on failure returns null and a message naming the byte offset.</summary>
    public static string? ReadAll(Stream stream, string name, out string? error)
    {
        error = null;
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxDocumentBytes)
                {
                    error = $"{name} is larger than {MaxDocumentBytes / (1024 * 1024)} MiB; split it or use --batch.";
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }
        catch (IOException e)
        {
            error = $"cannot read {name}: {e.Message}";
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            error = $"permission denied: {name}.";
            return null;
        }

        return Decode(bytes, name, out error);
    }

    /// <summary>
    /// Decodes UTF-8 (a leading byte-order mark is dropped); binary data (a NUL byte) and invalid UTF-8
    /// are errors that name the byte offset.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string name, out string? error)
    {
        error = null;
        int offset = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            offset = 3;
            bytes = bytes[3..];
        }

        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            error = $"{name} looks binary (NUL byte at byte offset {nul + offset}); expected UTF-8 text.";
            return null;
        }

        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            OperationStatus status = Utf8.ToUtf16(bytes, chars, out int bytesRead, out int charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                error = $"{name} is not valid UTF-8 (invalid byte at byte offset {bytesRead + offset}).";
                return null;
            }

            return new string(chars, 0, charsWritten);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The UTF-8 encoding without byte-order mark used for all output.</summary>
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
