namespace SegRestore.Store.CrashWriter;

/// <summary>
/// Deterministic pseudo-random bytes (xorshift64*) of a given length, so a test can recompute what any generation's
/// file must contain. <see cref="BeforeRead"/> runs before each read with the bytes produced so far; the crash
/// writer uses it to pause mid-commit.
/// </summary>
public sealed class PatternStream(ulong seed, long length) : Stream
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
    private long _position;
    private ulong _word;

    public Func<long, CancellationToken, Task>? BeforeRead { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    /// <summary>The whole content at once (for small files and for verification).</summary>
    public static byte[] Content(ulong seed, long length)
    {
        var stream = new PatternStream(seed, length);
        var data = new byte[length];
        stream.Fill(data);
        return data;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (BeforeRead is not null)
        {
            await BeforeRead(_position, cancellationToken).ConfigureAwait(false);
        }

        var count = (int)Math.Min(buffer.Length, length - _position);
        Fill(buffer.Span[..count]);
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        Fill(buffer.AsSpan(offset, n));
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Byte i of the content is byte (i mod 8) of the (i div 8)-th generator output, so any read size gives
    /// the same bytes.</summary>
    private void Fill(Span<byte> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var lane = (int)((_position + i) & 7);
            if (lane == 0)
            {
                _state ^= _state >> 12;
                _state ^= _state << 25;
                _state ^= _state >> 27;
                _word = _state * 0x2545F4914F6CDD1DUL;
            }

            target[i] = (byte)(_word >> (lane * 8));
        }

        _position += target.Length;
    }
}
