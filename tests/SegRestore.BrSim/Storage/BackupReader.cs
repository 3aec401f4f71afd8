using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Storage;

/// <summary>Reads backups the way BR's getLogInfoFromStorage and getFullBackupTS do, failing with BR's texts.</summary>
public sealed class BackupReader(StorageResolver resolver)
{
    public LogBackupInfo ReadLog(string url)
    {
        var location = Open(url);
        var meta = ReadMeta(location);
        if (meta.EndVersion > 0)
        {
            throw new BrErrorException("the storage has been used for full backup: [BR:ExternalStorage:ErrStorageUnknown]unknown external storage error");
        }

        ulong globalCheckpoint = 0;
        var checkpointDir = location.PathOf(StorageLocation.GlobalCheckpointDir);
        if (Directory.Exists(checkpointDir))
        {
            foreach (var file in Directory.EnumerateFiles(checkpointDir, "*.ts"))
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length >= 8)
                {
                    globalCheckpoint = Math.Max(globalCheckpoint, BitConverter.ToUInt64(bytes, 0));
                }
            }
        }

        var events = JsonFiles.ReadOrDefault<List<LogEvent>>(location.PathOf(StorageLocation.EventsFile)) ?? [];
        return new LogBackupInfo(meta.StartVersion, Math.Max(meta.StartVersion, globalCheckpoint), meta.ClusterId, events);
    }

    public FullBackupInfo ReadFull(string url)
    {
        var location = Open(url);
        var meta = ReadMeta(location);
        var snapshotPath = location.PathOf(StorageLocation.SnapshotFile);
        var snapshot = JsonFiles.ReadOrDefault<ClusterData>(snapshotPath) ?? new ClusterData();
        return new FullBackupInfo(meta.EndVersion, meta.ClusterId, snapshot);
    }

    public StorageLocation Open(string url)
    {
        var location = resolver.Resolve(url);
        return location.Error is null ? location : throw new BrErrorException(location.Error);
    }

    private static BackupMeta ReadMeta(StorageLocation location)
    {
        var path = location.PathOf(StorageLocation.MetaFile);
        return File.Exists(path)
            ? JsonFiles.Read<BackupMeta>(path)
            : throw new BrErrorException($"open {Path.Combine(location.Directory!, "backupmeta")}: no such file or directory: [BR:ExternalStorage:ErrStorageUnknown]unknown external storage error");
    }
}
