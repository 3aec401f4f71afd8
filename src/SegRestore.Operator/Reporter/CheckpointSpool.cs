using System.Security.Cryptography;
using Grpc.Core;

namespace SegRestore.Operator.Reporter;

/// <summary>
/// Spools one SyncCheckpoint stream to a private temp directory (file names are sequence numbers, so no checkpoint
/// path ever becomes a local path here), verifying each file's sha256 and size before the ledger sees it.
/// </summary>
public sealed class CheckpointSpool : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Dictionary<string, OpenFile> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SpooledFile File, string LocalPath)> _done = new(StringComparer.Ordinal);
    private int _sequence;

    public CheckpointSpool(string root)
    {
        _directory = Path.Combine(root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    public IReadOnlyList<SpooledFile> Files => [.. _done.Values.Select(v => v.File)];

    public async Task AppendAsync(string path, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_done.ContainsKey(path))
        {
            throw Invalid($"file '{path}' was sent twice in one sync");
        }

        if (!_open.TryGetValue(path, out var file))
        {
            var local = Path.Combine(_directory, (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture));
            file = new OpenFile(local, new FileStream(local, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true));
            _open[path] = file;
        }

        file.Hash.AppendData(data.Span);
        file.Size += data.Length;
        await file.Stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
    }

    public void CompleteFile(string path, string sha256, long size)
    {
        if (!_open.Remove(path, out var file))
        {
            throw Invalid($"file '{path}' ended without data");
        }

        file.Stream.Dispose();
        var actual = Convert.ToHexStringLower(file.Hash.GetHashAndReset());
        file.Hash.Dispose();
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase) || file.Size != size)
        {
            throw Invalid($"file '{path}' arrived damaged: sha256 {actual} size {file.Size}, the sender declared {sha256} size {size}; sync again");
        }

        _done[path] = (new SpooledFile(path, actual, size), file.LocalPath);
    }

    public void EnsureComplete()
    {
        if (_open.Count > 0)
        {
            throw Invalid($"the stream ended inside file '{_open.Keys.First()}' (no last chunk); sync again");
        }
    }

    public Stream OpenRead(string path) =>
        new FileStream(_done[path].LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public async ValueTask DisposeAsync()
    {
        foreach (var file in _open.Values)
        {
            await file.Stream.DisposeAsync().ConfigureAwait(false);
            file.Hash.Dispose();
        }

        _open.Clear();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover spool directory is harmless temp data
        }
    }

    private static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    private sealed class OpenFile(string localPath, FileStream stream)
    {
        public string LocalPath { get; } = localPath;

        public FileStream Stream { get; } = stream;

        public IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long Size { get; set; }
    }
}
