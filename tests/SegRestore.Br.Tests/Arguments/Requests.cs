using SegRestore.Br.Arguments;
using SegRestore.Br.Probe;

namespace SegRestore.Br.Tests.Arguments;

/// <summary>Typical requests the tests vary from.</summary>
internal static class Requests
{
    public const ulong FullBackupRestoredTs = 463736143872000000;
    public const ulong LaterRestoredTs = 463736851660800000;

    public static BrRestoreRequest FirstSegment() => new()
    {
        Pd = "basic-pd.tidb:2379",
        Log = new BrStorage("s3://backups/log", "s3-creds", S3: new S3StorageOptions(Region: "us-west-2")),
        FullBackup = new BrStorage("s3://backups/full-20260122", "s3-creds", S3: new S3StorageOptions(Region: "us-west-2")),
        RestoredTs = FullBackupRestoredTs,
        Dialect = BrDialect.LastSegment,
    };

    public static BrRestoreRequest LaterSegment() => FirstSegment() with
    {
        FullBackup = null,
        StartTs = FullBackupRestoredTs,
        RestoredTs = LaterRestoredTs,
    };
}
