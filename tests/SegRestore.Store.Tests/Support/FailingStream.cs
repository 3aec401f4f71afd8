namespace SegRestore.Store.Tests.Support;

/// <summary>Yields <paramref name="goodBytes"/> bytes of data and then fails, like a source file that vanishes
/// mid-upload.</summary>
public sealed class FailingStream(long goodBytes) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= goodBytes)
        {
            throw new IOException("the source went away mid-upload");
        }

        var n = (int)Math.Min(count, goodBytes - _position);
        Array.Fill(buffer, (byte)0x5a, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
