using System.Text.RegularExpressions;
using SegRestore.Api.Flags;
using SegRestore.Api.Models;
using SegRestore.Api.Storage;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Chain;

/// <summary>
/// The rules one spec can be checked against on its own, in the order of docs/chain-rules.md: spec shape,
/// timestamps, first/later segment fields, range order, checkpoint, filter, extra arguments.
/// </summary>
public static partial class SegmentSpecRules
{
    /// <summary>The first broken rule, or null.</summary>
    public static ChainViolation? Check(PointRestoreSegmentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var isFirst = string.IsNullOrEmpty(spec.PreviousSegment);
        return CheckShape(spec)
            ?? CheckAffinity(spec.Worker?.Affinity)
            ?? CheckWorkerEnv(spec)
            ?? CheckTimestamps(spec, out var startTs, out var restoredTs)
            ?? CheckFirstOrLater(spec, isFirst)
            ?? CheckOrder(startTs, restoredTs, spec)
            ?? CheckCheckpoint(spec.Checkpoint, isFirst)
            ?? Violation(ChainReason.InvalidFilter, TableFilterRules.Check(spec.Br?.Filter))
            ?? Violation(ChainReason.ForbiddenExtraArg, FirstMessage(ExtraArgsValidator.Validate(spec.Br?.ExtraArgs)));
    }

    /// <summary>Parses an optional TSO/timestamp field; null text gives null.</summary>
    public static Tso? ParseOptional(string? text) =>
        !string.IsNullOrEmpty(text) && TimestampParser.TryParse(text, "", out var tso, out _) ? tso : null;

    /// <summary>Longest value accepted in a field that reaches BR's command line or the worker pod. Real values
    /// (PD endpoints, storage URLs, image references) are far shorter; a megabyte one would be copied into every
    /// pod, argv and log line.</summary>
    public const int MaxValueLength = 4096;

    private static ChainViolation? CheckShape(PointRestoreSegmentSpec spec)
    {
        var oversize = ValuesReachingBr(spec).FirstOrDefault(v => v.Value is { Length: > MaxValueLength });
        if (oversize.Field is not null)
        {
            return new(ChainReason.InvalidSpec, $"{oversize.Field} is {oversize.Value!.Length} characters long; a value passed " +
                $"to BR is at most {MaxValueLength}: shorten it");
        }

        var control = TextReachingBr(spec)
            .Select(v => v.Field.EndsWith(".url", StringComparison.Ordinal)
                ? ArgumentText.ProblemInUrl(v.Field, v.Value)
                : ArgumentText.Problem(v.Field, v.Value))
            .FirstOrDefault(problem => problem is not null);
        if (control is not null)
        {
            return new(ChainReason.InvalidSpec, control);
        }

        // Control characters were refused above; what else the runtime cannot parse (whitespace, upper case, an empty
        // tag) is refused by the reference grammar.
        if (spec.Br?.Image is { Length: > 0 } image && !Images.ImageReferenceSyntax.IsValid(image))
        {
            var why = image.Any(char.IsWhiteSpace) ? "has whitespace" : "is not an image reference the container runtime can pull";
            return new(ChainReason.InvalidSpec, $"spec.br.image: \"{image}\" {why} " +
                "(repository names are lower case; a tag follows ':', a digest '@sha256:'): write an image reference, e.g. \"pingcap/br:v8.5.0\"");
        }

        if (CheckCluster(spec.Cluster) is { } cluster)
        {
            return cluster;
        }

        return CheckStorage(spec.Log, "spec.log", required: true)
            ?? CheckStorage(spec.FullBackup, "spec.fullBackup", required: false);
    }

    private static IEnumerable<(string Field, string? Value)> ValuesReachingBr(PointRestoreSegmentSpec spec)
    {
        yield return ("spec.cluster.pd", spec.Cluster?.Pd);
        yield return ("spec.br.image", spec.Br?.Image);
        yield return ("spec.checkpoint.url", spec.Checkpoint?.Url);
        foreach (var (field, storage) in new[] { ("spec.fullBackup", spec.FullBackup), ("spec.log", spec.Log) })
        {
            yield return ($"{field}.url", storage?.Url);
            yield return ($"{field}.s3.region", storage?.S3?.Region);
            yield return ($"{field}.s3.endpoint", storage?.S3?.Endpoint);
            yield return ($"{field}.s3.provider", storage?.S3?.Provider);
            yield return ($"{field}.s3.sse", storage?.S3?.Sse);
            yield return ($"{field}.s3.acl", storage?.S3?.Acl);
            yield return ($"{field}.s3.storageClass", storage?.S3?.StorageClass);
            yield return ($"{field}.gcs.endpoint", storage?.Gcs?.Endpoint);
            yield return ($"{field}.gcs.storageClass", storage?.Gcs?.StorageClass);
            yield return ($"{field}.gcs.predefinedAcl", storage?.Gcs?.PredefinedAcl);
            yield return ($"{field}.azblob.endpoint", storage?.Azblob?.Endpoint);
            yield return ($"{field}.azblob.accountName", storage?.Azblob?.AccountName);
            yield return ($"{field}.azblob.accessTier", storage?.Azblob?.AccessTier);
            yield return ($"{field}.azblob.encryptionScope", storage?.Azblob?.EncryptionScope);
        }
    }

    /// <summary>Every string that becomes part of BR's argv or environment (or names what does), for the control
    /// character check. Extra arguments are left to <see cref="ExtraArgsValidator"/>, which reports them as
    /// ForbiddenExtraArg like its other findings.</summary>
    private static IEnumerable<(string Field, string? Value)> TextReachingBr(PointRestoreSegmentSpec spec)
    {
        foreach (var value in ValuesReachingBr(spec))
        {
            yield return value;
        }

        yield return ("spec.cluster.tlsSecretName", spec.Cluster?.TlsSecretName);
        yield return ("spec.cluster.tidbClusterRef.name", spec.Cluster?.TidbClusterRef?.Name);
        yield return ("spec.cluster.tidbClusterRef.namespace", spec.Cluster?.TidbClusterRef?.Namespace);
        yield return ("spec.cluster.sql.secretName", spec.Cluster?.Sql?.SecretName);
        yield return ("spec.cluster.sql.host", spec.Cluster?.Sql?.Host);
        yield return ("spec.fullBackup.secretName", spec.FullBackup?.SecretName);
        yield return ("spec.log.secretName", spec.Log?.SecretName);
        yield return ("spec.worker.serviceAccountName", spec.Worker?.ServiceAccountName);
        foreach (var (variable, index) in (spec.Worker?.Env ?? []).Select((v, i) => (v, i)))
        {
            yield return ($"spec.worker.env[{index}].value", variable.Value);
        }

        var filters = spec.Br?.Filter ?? [];
        for (var index = 0; index < filters.Count; index++)
        {
            yield return ($"{TableFilterRules.Field}[{index}]", filters[index]);
        }
    }

    private static ChainViolation? CheckStorage(StorageSpec? storage, string field, bool required)
    {
        if (storage is null || string.IsNullOrEmpty(storage.Url))
        {
            return required || storage is not null
                ? new(ChainReason.InvalidSpec, $"{field}.url is required; set it to the backup's URL, e.g. \"s3://bucket/log\"")
                : null;
        }

        var scheme = StorageScheme(storage.Url);
        if (scheme is null)
        {
            return new(ChainReason.InvalidSpec, $"{field}.url: \"{StorageUrlCredentials.Redact(storage.Url)}\" has no supported scheme; use s3://, gcs://, azure:// or local://");
        }

        if (CheckUrlValue($"{field}.url", storage.Url, $"put them in the Secret named by {field}.secretName") is { } urlProblem)
        {
            return urlProblem;
        }

        if (LocalStoragePath.SubPathProblem(storage.Local?.SubPath) is { } subPathProblem)
        {
            return new(ChainReason.InvalidSpec, $"{field}.local.subPath: \"{storage.Local!.SubPath}\" {subPathProblem}: write a relative path inside the claim, e.g. \"backups/log\"");
        }

        (string Block, bool Present, string[] Schemes)[] blocks =
        [
            ("s3", storage.S3 is not null, ["s3"]),
            ("gcs", storage.Gcs is not null, ["gcs", "gs"]),
            ("azblob", storage.Azblob is not null, ["azure", "azblob"]),
            ("local", storage.Local is not null, ["local", "file"]),
        ];
        var misplaced = blocks.FirstOrDefault(block => block.Present && !block.Schemes.Contains(scheme));
        return misplaced.Block is null
            ? null
            : new(ChainReason.InvalidSpec, $"{field}.{misplaced.Block} is set but {field}.url \"{storage.Url}\" is a {scheme}:// URL; " +
                $"remove {field}.{misplaced.Block} or use a {misplaced.Schemes[0]}:// URL");
    }

    private static ChainViolation? CheckTimestamps(PointRestoreSegmentSpec spec, out Tso? startTs, out Tso? restoredTs)
    {
        startTs = restoredTs = null;
        foreach (var (field, text) in new[] { ("spec.startTs", spec.StartTs), ("spec.restoredTs", spec.RestoredTs) })
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (!TimestampParser.TryParse(text, field, out var tso, out var error))
            {
                return new(ChainReason.InvalidTimestamp, error);
            }

            if (tso == Tso.MinValue)
            {
                return new(ChainReason.InvalidTimestamp, $"{field}: \"{text}\" is TSO 0 (1970-01-01T00:00:00Z), before any backup " +
                    "or log; set the TSO or the time (with a zone) to restore to, e.g. \"2026-01-22T00:39:25+08:00\"");
            }

            if (field == "spec.startTs")
            {
                startTs = tso;
            }
            else
            {
                restoredTs = tso;
            }
        }

        return null;
    }

    private static ChainViolation? CheckFirstOrLater(PointRestoreSegmentSpec spec, bool isFirst)
    {
        if (string.IsNullOrEmpty(spec.RestoredTs) && !spec.Last)
        {
            return new(ChainReason.MissingRestoredTs, "spec.restoredTs is empty on a segment that is not last; set it " +
                "to a TSO or a timestamp with a zone, or set spec.last: true to restore to the end of the log");
        }

        if (isFirst && !string.IsNullOrEmpty(spec.StartTs))
        {
            return new(ChainReason.StartTsOnFirstSegment, $"spec.startTs: \"{spec.StartTs}\" is set on the first " +
                "segment (no spec.previousSegment), which starts at the full backup (BR: start-ts and " +
                "full-backup-storage are mutually exclusive); remove spec.startTs");
        }

        if (isFirst && spec.FullBackup is null)
        {
            return new(ChainReason.MissingFullBackup, "spec.fullBackup is missing on the first segment (no " +
                "spec.previousSegment); set spec.fullBackup.url to the full backup, or set spec.previousSegment " +
                "if this segment continues a chain");
        }

        return !isFirst && spec.FullBackup is not null
            ? new(ChainReason.FullBackupOnLaterSegment, $"spec.fullBackup (\"{spec.FullBackup.Url}\") is set on a " +
                $"segment that follows \"{spec.PreviousSegment}\"; only the first segment restores the full backup: " +
                "remove spec.fullBackup")
            : null;
    }

    private static ChainViolation? CheckOrder(Tso? startTs, Tso? restoredTs, PointRestoreSegmentSpec spec) =>
        startTs is { } start && restoredTs is { } restored && restored <= start
            ? new(ChainReason.NotIncreasing, $"spec.restoredTs: \"{spec.RestoredTs}\" (TSO {restored}) is not after " +
                $"spec.startTs \"{spec.StartTs}\" (TSO {start}); a segment must end after it starts: set a later spec.restoredTs")
            : null;

    private static ChainViolation? CheckCheckpoint(CheckpointSpec? checkpoint, bool isFirst)
    {
        var mode = checkpoint?.Mode ?? (isFirst ? CheckpointMode.Managed : (CheckpointMode?)null);
        var url = checkpoint?.Url;
        if (mode == CheckpointMode.External && string.IsNullOrEmpty(url))
        {
            return new(ChainReason.InvalidCheckpoint, "spec.checkpoint.url is required when spec.checkpoint.mode is " +
                "External; set it to your checkpoint storage, e.g. \"s3://bucket/checkpoints\"");
        }

        if (mode is (CheckpointMode.Managed or CheckpointMode.Table) && !string.IsNullOrEmpty(url))
        {
            return new(ChainReason.InvalidCheckpoint, $"spec.checkpoint.url: \"{url}\" is set but spec.checkpoint.mode is " +
                $"{mode}{(checkpoint?.Mode is null ? " (the default)" : "")}; remove the url or set mode: External");
        }

        if (!string.IsNullOrEmpty(url) && StorageScheme(url) is null)
        {
            return new(ChainReason.InvalidCheckpoint, $"spec.checkpoint.url: \"{StorageUrlCredentials.Redact(url)}\" has no supported scheme; use s3://, gcs://, azure:// or local://");
        }

        return CheckUrlValue("spec.checkpoint.url", url, "give the checkpoint storage its credentials through the worker's environment or cloud identity") is { } problem
            ? problem with { Reason = ChainReason.InvalidCheckpoint }
            : null;
    }

    /// <summary>A URL that reaches BR: no credentials inside it (they would be in the pod, argv, ledger and status),
    /// and a local path in its normal form. Messages show the URL without user info and query.</summary>
    private static ChainViolation? CheckUrlValue(string field, string? url, string whereCredentialsGo)
    {
        if (StorageUrlCredentials.Problem(url) is { } credentials)
        {
            return new(ChainReason.InvalidSpec, $"{field}: \"{StorageUrlCredentials.Redact(url!)}\" (shown without user info and " +
                $"query) carries {credentials}; remove them from the URL and {whereCredentialsGo}");
        }

        return LocalStoragePath.PathProblem(url) is { } pathProblem
            ? new(ChainReason.InvalidSpec, $"{field}: \"{url}\" {pathProblem}: write the path in its normal form, e.g. \"local:///backups/log\"")
            : null;
    }

    private static string? FirstMessage(IReadOnlyList<ExtraArgViolation> violations) =>
        violations.Count > 0 ? violations[0].Message : null;

    private static ChainViolation? Violation(ChainReason reason, string? message) =>
        message is null ? null : new(reason, message);

    /// <summary>The storage URL's scheme in lower case when BR supports it, else null.</summary>
    public static string? StorageScheme(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var match = StorageUrl().Match(url);
        return match.Success ? match.Groups["scheme"].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"^(?<scheme>s3|gcs|gs|azure|azblob|local|file)://.+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex StorageUrl();
}
