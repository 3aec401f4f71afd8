using SegRestore.Br.Probe;
namespace SegRestore.BrSim.Cli;

/// <summary>The flags of `br restore point` (BR's names and defaults) for a dialect, and its --help text.</summary>
public static class RestorePointFlags
{
    private const string TsFormat = "support TSO or datetime, e.g. '400036290571534337' or '2018-05-11 01:42:23+0800'";

    public static IReadOnlyList<FlagSpec> Local(BrDialect dialect)
    {
        var flags = new List<FlagSpec>
        {
            new("full-backup-storage", null, false, "specify the backup full storage. fill it if want restore full backup before restore log."),
            new("restored-ts", null, false, "the point of restore, used for log restore.\n" + TsFormat),
            new("start-ts", null, false, "the start timestamp which log restore from.\n" + TsFormat),
            new("checkpoint-storage", null, false, "specify the external storage url where checkpoint data is saved"),
            new("use-checkpoint", null, true, "whether to use the checkpoint mechanism", "true"),
            new("pitr-batch-count", null, false, "specify the batch count to restore log.", "8"),
            new("pitr-batch-size", null, false, "specify the batch size to retore log.", "16777216"),
            new("pitr-concurrency", null, false, "concurrency of restore kv files", "16"),
            new("concurrency", null, false, "The size of a BR thread pool that executes tasks", "128"),
            new("checksum", null, true, "Run checksum at end of task", "true"),
            new("check-requirements", null, true, "check requirements", "true"),
            new("filter", 'f', false, "select tables to process"),
            new("ratelimit", null, false, "The rate limit of the task, MB/s per node"),
            new("wait-tiflash-ready", null, true, "whether wait tiflash replica ready if tiflash exists"),
            new("with-sys-table", null, true, "whether restore system privilege tables on default setting", "true"),
            new("allow-pitr-from-incremental", null, true, "whether make incremental restore compatible with later log restore", "true"),
        };
        switch (dialect)
        {
            case BrDialect.LastSegment:
                flags.Add(new("last-segment", null, true,
                    "whether this is the last segment of a segmented restore; repair ingest indexes and reset TiFlash replicas only then",
                    "true"));
                break;
            case BrDialect.Last:
                flags.Add(new("last", null, true,
                    "whether this is the last restore point of a segmented log restore (default true when --restored-ts is the log max)",
                    "true"));
                break;
            default:
                break;
        }

        return flags;
    }

    public static IReadOnlyList<FlagSpec> Global { get; } =
    [
        new("pd", 'u', false, "PD address", "[127.0.0.1:2379]"),
        new("storage", 's', false, "specify the url where backup storage, eg, \"s3://bucket/path/prefix\""),
        new("ca", null, false, "CA certificate path for TLS connection"),
        new("cert", null, false, "Certificate path for TLS connection"),
        new("key", null, false, "Private key path for TLS connection"),
        new("log-file", null, false, "Set the log file path. If not set, logs will output to temp file"),
        new("log-level", 'L', false, "Set the log level", "info"),
        new("log-format", null, false, "Set the log format", "text"),
        new("status-addr", null, false, "Set the HTTP listening address for the status report service. Set to empty string to disable"),
        new("send-credentials-to-tikv", 'c', true, "Whether send credentials to tikv", "true"),
        new("s3.region", null, false, "(experimental) S3 region, defaults to us-east-1"),
        new("s3.endpoint", null, false, "(experimental) S3 endpoint URL"),
        new("s3.provider", null, false, "(experimental) Set the S3 provider, e.g. aws, alibaba, ceph"),
        new("s3.sse", null, false, "Set S3 server-side encryption, e.g. aws:kms"),
        new("s3.sse-kms-key-id", null, false, "KMS CMK key id to use with S3 server-side encryption."),
        new("s3.acl", null, false, "(experimental) Set the S3 canned ACLs, e.g. authenticated-read"),
        new("s3.storage-class", null, false, "(experimental) Set the S3 storage class, e.g. STANDARD"),
        new("s3.role-arn", null, false, "(experimental) Set the ARN of the IAM role to assume when accessing AWS S3"),
        new("s3.external-id", null, false, "(experimental) Set the external ID when assuming the role to access AWS S3"),
        new("gcs.credentials-file", null, false, "(experimental) Set the GCS credentials file path"),
        new("gcs.endpoint", null, false, "(experimental) Set the GCS endpoint URL"),
        new("gcs.predefined-acl", null, false, "(experimental) Specify the GCS predefined acl for objects"),
        new("gcs.storage-class", null, false, "(experimental) Specify the GCS storage class for objects"),
        new("azblob.account-name", null, false, "(experimental) Specify the storage account for azblob"),
        new("azblob.endpoint", null, false, "(experimental) Set the Azblob endpoint URL"),
        new("azblob.access-tier", null, false, "Specify the storage class for azblob"),
        new("azblob.encryption-scope", null, false, "Specify the server side encryption scope"),
    ];

    public static IReadOnlyList<FlagSpec> All(BrDialect dialect) => [.. Local(dialect), .. Global];

    public static string Help(BrDialect dialect) =>
        HelpText.Render("restore data from log until specify commit timestamp", "br restore point [flags]",
            Local(dialect), Global);
}
