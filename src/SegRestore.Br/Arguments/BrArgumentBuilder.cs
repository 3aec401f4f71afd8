using System.Globalization;
using SegRestore.Api.Flags;
using SegRestore.Br.Probe;

namespace SegRestore.Br.Arguments;

/// <summary>
/// Builds BR's argv and environment for one segment (pure). Every decision BR would otherwise default is explicit:
/// the last flag, the timestamps (TSOs), the checkpoint storage. Credentials only as env references to Secrets.
/// No argument carries a control character (<see cref="ArgvControlCheck"/>).
/// </summary>
public static class BrArgumentBuilder
{
    public static BrCommand Build(BrRestoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var argv = new List<string> { "restore", "point" };
        AddValue(argv, BrFlags.Pd, Required(request.Pd, "cluster.pd", "set it to host:port of a PD, or a comma list"));

        var log = StorageUrlParser.Parse(request.Log, "log");
        var full = request.FullBackup is null ? null : StorageUrlParser.Parse(request.FullBackup, "fullBackup");
        (log, full) = StorageOptionReconciler.Reconcile(log, full);
        argv.Add("-" + BrFlags.StorageShort);
        argv.Add(log.Compose());
        AddStartPoint(argv, request, full);
        AddRestoredTs(argv, request);
        AddLastFlag(argv, request);
        AddCheckpoint(argv, request);
        AddTls(argv, request.Tls);
        foreach (var filter in request.Filters)
        {
            AddValue(argv, BrFlags.Filter, Required(filter, "br.filter", "remove the empty item or write a filter like 'db.*'"));
        }

        AddPositive(argv, BrFlags.Concurrency, request.Concurrency, "br.concurrency");
        AddPositive(argv, BrFlags.PitrConcurrency, request.PitrConcurrency, "br.pitrConcurrency");
        if (request.LogFile is { } logFile)
        {
            AddValue(argv, BrFlags.LogFile, Required(logFile, "logFile", "give the path the worker reads BR's log from"));
        }

        var violations = ExtraArgsValidator.Validate(request.ExtraArgs);
        if (violations.Count > 0)
        {
            throw new BrArgumentException("br.extraArgs", SecretRedactor.Redact(string.Join("; ", violations.Select(v => v.Message))));
        }

        argv.AddRange(request.ExtraArgs);
        var env = StorageCredentials.ForStorages(
            (log.Provider, request.Log.SecretName, "log"),
            full is null ? null : (full.Provider, request.FullBackup!.SecretName, "fullBackup"));
        ArgvControlCheck.Refuse(argv, env);
        return new BrCommand(argv, env);
    }

    private static void AddStartPoint(List<string> argv, BrRestoreRequest request, StorageUrl? full)
    {
        switch (full, request.StartTs)
        {
            case (not null, not null):
                throw new BrArgumentException("startTs",
                    $"startTs {request.StartTs} and fullBackup are both set, but BR takes one or the other (start-ts and full-backup-storage are mutually exclusive); keep fullBackup on the first segment and startTs on later ones");
            case (not null, null):
                AddValue(argv, BrFlags.FullBackupStorage, full.Compose());
                break;
            case (null, { } startTs):
                AddValue(argv, BrFlags.StartTs, Tso(startTs));
                break;
            default:
                throw new BrArgumentException("fullBackup",
                    "neither fullBackup nor startTs is set; the first segment needs fullBackup, later segments need the previous segment's restored TSO as startTs");
        }
    }

    private static void AddRestoredTs(List<string> argv, BrRestoreRequest request)
    {
        if (request.RestoredTs is { } restored)
        {
            if (request.StartTs is { } start && restored <= start)
            {
                throw new BrArgumentException("restoredTs",
                    $"restoredTs {restored} is not after startTs {start}; choose a restoredTs later than the previous segment's");
            }

            AddValue(argv, BrFlags.RestoredTs, Tso(restored));
        }
        else if (!request.Last)
        {
            throw new BrArgumentException("restoredTs",
                "restoredTs is empty on a segment that is not last; set a TSO or a timestamp with zone (only the last segment may restore to the end of the log)");
        }
    }

    private static void AddLastFlag(List<string> argv, BrRestoreRequest request)
    {
        var value = request.Last ? "true" : "false";
        switch (request.Dialect)
        {
            case BrDialect.LastSegment:
                argv.Add($"--{BrFlags.LastSegment}={value}");
                break;
            case BrDialect.Last:
                argv.Add($"--{BrFlags.Last}={value}");
                break;
            case BrDialect.None when request.Last:
                break; // a single-segment restore: BR without either flag restores the whole range and finalizes.
            default:
                throw new BrArgumentException("last",
                    "this BR has neither --last-segment nor --last, so it cannot stop at a non-final segment (BrLacksSegmentedRestore); use a BR image that supports segmented restore or make this the only, last segment");
        }
    }

    private static void AddCheckpoint(List<string> argv, BrRestoreRequest request)
    {
        if (request.CheckpointMode != BrCheckpointMode.Table && !request.CheckpointStorageSupported)
        {
            throw new BrArgumentException("checkpoint.mode",
                $"checkpoint.mode {request.CheckpointMode} needs BR's --checkpoint-storage, which this BR lacks; use checkpoint.mode Table on the whole chain or a newer BR image");
        }

        switch (request.CheckpointMode)
        {
            case BrCheckpointMode.Managed:
                AddValue(argv, BrFlags.CheckpointStorage, BrFlags.ManagedCheckpointUrl);
                break;
            case BrCheckpointMode.External:
                var url = Required(request.CheckpointUrl, "checkpoint.url", "External mode needs the URL of your checkpoint storage");
                if (SecretRedactor.CarriesCredential(url, out var what))
                {
                    throw new BrArgumentException("checkpoint.url",
                        $"checkpoint.url '{SecretRedactor.Redact(url)}' carries {what}; remove it and rely on the credentials of the log storage's Secret");
                }

                AddValue(argv, BrFlags.CheckpointStorage, url);
                break;
            case BrCheckpointMode.Table when request.CheckpointUrl is { Length: > 0 }:
                throw new BrArgumentException("checkpoint.url", "checkpoint.url is set but checkpoint.mode is Table; remove the URL or use External");
        }
    }

    private static void AddTls(List<string> argv, BrTlsFiles? tls)
    {
        if (tls is null)
        {
            return;
        }

        AddValue(argv, BrFlags.Ca, Required(tls.CaPath, "cluster.tlsSecretName", "the TLS Secret must provide ca.crt"));
        AddValue(argv, BrFlags.Cert, Required(tls.CertPath, "cluster.tlsSecretName", "the TLS Secret must provide tls.crt"));
        AddValue(argv, BrFlags.Key, Required(tls.KeyPath, "cluster.tlsSecretName", "the TLS Secret must provide tls.key"));
    }

    private static void AddPositive(List<string> argv, string flag, int? value, string field)
    {
        if (value is null)
        {
            return;
        }

        if (value <= 0)
        {
            throw new BrArgumentException(field, $"{field} is {value}; use a positive number or leave it unset for BR's default");
        }

        AddValue(argv, flag, value.Value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>`--flag value` as two argv items; a value starting with '-' would read as a flag, so it is refused.</summary>
    private static void AddValue(List<string> argv, string flag, string value)
    {
        if (value.StartsWith('-'))
        {
            throw new BrArgumentException(flag, $"the value '{value}' for --{flag} starts with '-', which BR would read as a flag; fix the value");
        }

        argv.Add("--" + flag);
        argv.Add(value);
    }

    private static string Required(string? value, string field, string fix) =>
        string.IsNullOrWhiteSpace(value) ? throw new BrArgumentException(field, $"{field} is empty; {fix}") : value.Trim();

    private static string Tso(ulong tso) => tso.ToString(CultureInfo.InvariantCulture);
}
