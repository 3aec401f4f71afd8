using SegRestore.Reporter.Contract.Protos;

namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// Pure: the ledger's generation and files (path, sha256, size) from a FetchCheckpoint stream. A <c>manifest_only</c>
/// answer has one data-less message per file; a reporter that predates the field streams the data, which is skipped:
/// each file's last chunk carries its sha256 and size either way.
/// </summary>
public sealed class LedgerManifest
{
    private readonly Dictionary<string, LocalFile> _files = new(StringComparer.Ordinal);

    public long Generation { get; private set; }

    public Dictionary<string, LocalFile> Files => new(_files, StringComparer.Ordinal);

    public void Add(CheckpointFileChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        Generation = chunk.Generation;
        if (!string.IsNullOrEmpty(chunk.Path) && chunk.LastChunkOfFile)
        {
            _files[chunk.Path] = new LocalFile(chunk.Path, chunk.Sha256, chunk.Size);
        }
    }
}
