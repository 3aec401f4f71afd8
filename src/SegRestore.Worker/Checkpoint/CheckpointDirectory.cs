using System.Security.Cryptography;

namespace SegRestore.Worker.Checkpoint;

/// <summary>The checkpoint directory on disk: scanning it, and resolving ledger paths safely inside it.</summary>
public sealed class CheckpointDirectory(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task<Dictionary<string, LocalFile>> ScanAsync(CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, LocalFile>(StringComparer.Ordinal);
        foreach (var (full, relative) in Files())
        {
            if (CheckpointPaths.IsExcluded(relative))
            {
                continue;
            }

            try
            {
                var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
                await using (stream.ConfigureAwait(false))
                {
                    var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
                    files[relative] = new LocalFile(relative, Convert.ToHexStringLower(hash), stream.Length);
                }
            }
            catch (FileNotFoundException)
            {
                // BR removed it between listing and reading: it is simply not part of this scan
            }
            catch (DirectoryNotFoundException)
            {
                // likewise for a removed directory
            }
        }

        return files;
    }

    /// <summary>A killed BR's unfinished writes: only that BR would have renamed them into place, so they are removed
    /// before BR starts again on a kept directory. Returns how many were removed.</summary>
    public int RemoveBrTempFiles()
    {
        var removed = 0;
        foreach (var (full, _) in Files().Where(f => CheckpointPaths.IsBrTempFile(f.Relative)))
        {
            File.Delete(full);
            removed++;
        }

        return removed;
    }

    /// <summary>Every file below the root, with its path as the ledger names it ('/'-separated, relative).</summary>
    private IEnumerable<(string Full, string Relative)> Files() =>
        Directory.Exists(Root)
            ? Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
                .Select(full => (full, Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/')))
            : [];

    /// <summary>The local path of a checkpoint path, refusing anything that would leave the directory.</summary>
    public string Resolve(string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal)
            || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new InvalidDataException($"checkpoint path '{path}' is not a plain relative path; refusing to write it");
        }

        var full = Path.GetFullPath(Path.Combine(Root, path));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidDataException($"checkpoint path '{path}' leaves {Root}; refusing to write it");
    }
}
