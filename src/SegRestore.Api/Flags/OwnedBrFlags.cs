namespace SegRestore.Api.Flags;

/// <summary>
/// The flags of <c>br restore point</c> that the operator owns. The BR argument builder emits them; extraArgs may not.
/// Shorthands are BR's own (<c>-u</c> = <c>--pd</c>, <c>-s</c> = <c>--storage</c>, <c>-f</c> = <c>--filter</c>) and cobra's
/// (<c>-h</c> = <c>--help</c>). Names are matched exactly, as BR's flag parser does (see <see cref="ExtraArgsValidator"/>).
/// </summary>
public static class OwnedBrFlags
{
    public static IReadOnlyList<OwnedBrFlag> All { get; } =
    [
        new("pd", "u", "set spec.cluster.pd"),
        new("storage", "s", "set spec.log.url"),
        new("full-backup-storage", null, "set spec.fullBackup.url on the first segment"),
        new("start-ts", null, "set spec.startTs (or let it default to the previous segment's restored TSO)"),
        new("restored-ts", null, "set spec.restoredTs"),
        new("last", null, "set spec.last"),
        new("last-segment", null, "set spec.last"),
        new("checkpoint-storage", null, "set spec.checkpoint"),
        // With --use-checkpoint=false BR keeps the segmented state in the target's mysql.tidb_pitr_id_map whatever the
        // checkpoint storage, so a Managed or External chain finds nothing; V1 refuses a non-final segment outright.
        new("use-checkpoint", null, "remove it: spec.checkpoint.mode (Table, Managed or External) decides where BR keeps its checkpoints and state"),
        new("ca", null, "set spec.cluster.tlsSecretName"),
        new("cert", null, "set spec.cluster.tlsSecretName"),
        new("key", null, "set spec.cluster.tlsSecretName"),
        new("filter", "f", "set spec.br.filter"),
        new("concurrency", null, "set spec.br.concurrency"),
        new("pitr-concurrency", null, "set spec.br.pitrConcurrency"),
        // Storage options come from the storage blocks, so fullBackup and log can differ.
        new("s3.region", null, "set spec.log.s3.region / spec.fullBackup.s3.region"),
        new("s3.endpoint", null, "set spec.log.s3.endpoint / spec.fullBackup.s3.endpoint"),
        new("s3.provider", null, "set spec.log.s3.provider / spec.fullBackup.s3.provider"),
        new("s3.force-path-style", null, "set spec.log.s3.forcePathStyle / spec.fullBackup.s3.forcePathStyle"),
        new("s3.sse", null, "set spec.log.s3.sse / spec.fullBackup.s3.sse"),
        new("s3.acl", null, "set spec.log.s3.acl / spec.fullBackup.s3.acl"),
        new("s3.storage-class", null, "set spec.log.s3.storageClass / spec.fullBackup.s3.storageClass"),
        new("gcs.endpoint", null, "set spec.log.gcs.endpoint / spec.fullBackup.gcs.endpoint"),
        new("gcs.storage-class", null, "set spec.log.gcs.storageClass / spec.fullBackup.gcs.storageClass"),
        new("gcs.predefined-acl", null, "set spec.log.gcs.predefinedAcl / spec.fullBackup.gcs.predefinedAcl"),
        new("azblob.endpoint", null, "set spec.log.azblob.endpoint / spec.fullBackup.azblob.endpoint"),
        new("azblob.account-name", null, "set spec.log.azblob.accountName / spec.fullBackup.azblob.accountName"),
        new("azblob.access-tier", null, "set spec.log.azblob.accessTier / spec.fullBackup.azblob.accessTier"),
        new("azblob.encryption-scope", null, "set spec.log.azblob.encryptionScope / spec.fullBackup.azblob.encryptionScope"),
        // Secrets never go on a command line (they show in `ps` and in the pod spec).
        new("s3.access-key", null, "put the key in the storage secret (key: access_key)"),
        new("s3.secret-access-key", null, "put the key in the storage secret (key: secret_key)"),
        new("s3.session-token", null, "put the token in the storage secret"),
        new("gcs.credentials-file", null, "put the key in the storage secret (key: credentials)"),
        new("azblob.account-key", null, "put the key in the storage secret (AZURE_STORAGE_KEY)"),
        new("azblob.sas-token", null, "put the token in the storage secret"),
        new("azblob.encryption-key", null, "put the key in the storage secret"),
        new("crypter.key", null, "secrets may not be passed on the command line"),
        new("log.crypter.key", null, "secrets may not be passed on the command line"),
        new("master-key", null, "secrets may not be passed on the command line"),
        // The worker reads BR's log from its standard output to report progress and results.
        new("log-file", null, "remove it: the worker reads BR's log"),
        new("log-format", null, "remove it: the worker parses BR's default log format"),
        // cobra's help flag: BR would print its usage and exit 0 without restoring, which reads as success.
        new("help", "h", "run `br restore point --help` yourself instead (with it BR prints its help and exits 0 without restoring)"),
    ];

    /// <summary>The owned flag with this long name (without dashes), or null.</summary>
    public static OwnedBrFlag? FindByName(string name) =>
        All.FirstOrDefault(flag => string.Equals(flag.Name, name, StringComparison.Ordinal));

    /// <summary>The owned flag with this shorthand (one letter, without the dash), or null.</summary>
    public static OwnedBrFlag? FindByShorthand(string shorthand) =>
        All.FirstOrDefault(flag => string.Equals(flag.Shorthand, shorthand, StringComparison.Ordinal));
}
