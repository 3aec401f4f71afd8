namespace SegRestore.Br;

/// <summary>BR's command-line flag names (without dashes), as BR's source defines them.</summary>
public static class BrFlags
{
    public const string Pd = "pd";
    public const string Storage = "storage";
    public const string StorageShort = "s";
    public const string FullBackupStorage = "full-backup-storage";
    public const string StartTs = "start-ts";
    public const string RestoredTs = "restored-ts";
    public const string Last = "last";
    public const string LastSegment = "last-segment";
    public const string CheckpointStorage = "checkpoint-storage";
    public const string Ca = "ca";
    public const string Cert = "cert";
    public const string Key = "key";
    public const string Filter = "filter";
    public const string FilterShort = "f";
    public const string Concurrency = "concurrency";
    public const string PitrConcurrency = "pitr-concurrency";
    public const string LogFile = "log-file";

    /// <summary>The directory BR gets as checkpoint storage in the Managed mode; the worker syncs it with the ledger.</summary>
    public const string ManagedCheckpointUrl = "local:///var/lib/segrestore/checkpoint";
}
