using System.Security.Cryptography;
using SegRestore.Store.Errors;

namespace SegRestore.Store.Streams;

/// <summary>
/// A read-only stream over a file's chunks that verifies each chunk's sha256 before handing out any of its bytes,
/// and the whole file's sha256 and size before handing out the last chunk. So corrupt data is never returned: the
/// reader gets a <see cref="LedgerCorruptionException"/> instead. Reads are asynchronous only (sync reads would block
/// on I/O).
/// </summary>
public sealed class VerifyingChunkStream(
    string chainUid, string path, string expectedSha256, long expectedSize, IChunkSource source) : Stream
{
    private readonly IncrementalHash _fileHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _current = [];
    private int _offset;
    private int _nextChunk;
    private long _verifiedBytes;
    private bool _disposed;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expectedSize;

    public override long Position
    {
        get => _verifiedBytes - (_current.Length - _offset);
        set => throw new NotSupportedException("Checkpoint file streams are forward-only.");
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_offset == _current.Length)
        {
            if (_nextChunk == source.ChunkCount)
            {
                if (_nextChunk == 0)
                {
                    VerifyWholeFile();
                }

                return 0;
            }

            await LoadNextChunkAsync(cancellationToken).ConfigureAwait(false);
        }

        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Checkpoint file streams are read asynchronously (ReadAsync, CopyToAsync).");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Checkpoint file streams are forward-only.");

    public override void SetLength(long value) => throw new NotSupportedException("Checkpoint file streams are read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Checkpoint file streams are read-only.");

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _fileHash.Dispose();
            await source.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _fileHash.Dispose();
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask LoadNextChunkAsync(CancellationToken cancellationToken)
    {
        var sequence = _nextChunk;
        var chunk = await source.ReadChunkAsync(sequence, cancellationToken).ConfigureAwait(false)
            ?? throw Corrupt($"chunk {sequence} of {source.ChunkCount} is missing");
        var actual = Sha256Hex.Of(chunk.Data);
        if (!string.Equals(actual, chunk.Sha256, StringComparison.Ordinal))
        {
            throw Corrupt($"chunk {sequence} has sha256 {actual}, expected {chunk.Sha256}");
        }

        _fileHash.AppendData(chunk.Data);
        _verifiedBytes += chunk.Data.Length;
        _nextChunk++;
        if (_verifiedBytes > expectedSize)
        {
            throw Corrupt($"the chunks hold more than the recorded size of {expectedSize} bytes");
        }

        if (_nextChunk == source.ChunkCount)
        {
            VerifyWholeFile();
        }

        _current = chunk.Data;
        _offset = 0;
    }

    private void VerifyWholeFile()
    {
        if (_verifiedBytes != expectedSize)
        {
            throw Corrupt($"the chunks hold {_verifiedBytes} bytes, the recorded size is {expectedSize}");
        }

        var actual = Sha256Hex.Of(_fileHash);
        if (!string.Equals(actual, expectedSha256, StringComparison.Ordinal))
        {
            throw Corrupt($"the file has sha256 {actual}, expected {expectedSha256}");
        }
    }

    private LedgerCorruptionException Corrupt(string detail) => new(chainUid, path, detail);
}
