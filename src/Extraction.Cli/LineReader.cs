using System.Buffers;

namespace Extraction.Cli;

/// <summary>
/// Reads a stream as lines of raw bytes (split at LF, a trailing CR dropped), so that each line can be
/// decoded and reported on its own: one bad line never stops the rest.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _start;
    private int _end;
    private bool _eof;

    public LineReader(Stream stream) => _stream = stream;

    /// <summary>Bytes consumed so far (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads the next line; returns false at the end of the stream.</summary>
    public bool TryReadLine(out byte[] line)
    {
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                line = Slice(_start, newline);
                _start = newline + 1;
                return true;
            }

            if (_eof)
            {
                if (_start < _end)
                {
                    line = Slice(_start, _end);
                    _start = _end;
                    return true;
                }

                line = [];
                return false;
            }

            Fill();
        }
    }

    private byte[] Slice(int start, int end)
    {
        if (end > start && _buffer[end - 1] == '\r')
        {
            end--;
        }

        return _buffer.AsSpan(start, end - start).ToArray();
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
        BytesRead += read;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
