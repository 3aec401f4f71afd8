using SegRestore.Api.Chain;
using SegRestore.Br.Probe;
using SegRestore.BrSim.Cli;
using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Restore;

/// <summary>BR's own flag checks for `restore point`, in BR's words. Pure: flags in, request or BR's error out.</summary>
public static class RestorePointRequestParser
{
    public const string MutuallyExclusive = "start-ts and full-backup-storage are mutually exclusive";
    public const string SystemDbFilter = "PiTR doesn't support custom filter to include system db, consider to exclude system db";

    /// <summary>V1's restoreStream, word for word (br/pkg/task/stream.go at pingcap/tidb 02c38b59).</summary>
    public const string CheckpointStorageRequired =
        "segmented log restore requires checkpoint storage (table or external), enable checkpoint or configure --checkpoint-storage";

    /// <summary>The system databases BR refuses to filter in for point-in-time restore.</summary>
    public static IReadOnlyList<string> PitrSystemDatabases { get; } = ["mysql", "sys"];

    public static RestorePointRequest Parse(ParsedFlags flags, BrDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var storage = flags.Get("storage");
        if (string.IsNullOrEmpty(storage))
        {
            throw BrErrorException.InvalidArgument("storage");
        }

        var full = flags.Get("full-backup-storage");
        var startText = flags.Get("start-ts");
        if (!string.IsNullOrEmpty(full) && !string.IsNullOrEmpty(startText))
        {
            throw BrErrorException.InvalidArgument(MutuallyExclusive);
        }

        CheckFilters(flags.All("filter"));
        var startTs = ParseTs(startText);
        var restoredTs = ParseTs(flags.Get("restored-ts"));
        var segmentFlag = BrDialects.SegmentFlag(dialect);
        bool? last = segmentFlag is not null && flags.Has(segmentFlag) ? flags.GetBool(segmentFlag, true) : null;
        var checkpointStorage = flags.Get("checkpoint-storage");

        return new RestorePointRequest(
            Pd: flags.Get("pd") ?? "127.0.0.1:2379",
            LogStorage: storage,
            FullBackupStorage: string.IsNullOrEmpty(full) ? null : full,
            StartTs: startTs,
            RestoredTs: restoredTs,
            LastFlag: last,
            CheckpointStorage: string.IsNullOrEmpty(checkpointStorage) ? null : checkpointStorage,
            UseCheckpoint: flags.GetBool("use-checkpoint", true),
            Dialect: dialect,
            LogFile: flags.Get("log-file"),
            Filters: flags.All("filter"));
    }

    /// <summary>
    /// Whether this run is the last segment. V2 defaults to true when the flag is omitted; V1 defaults to true too, but
    /// an omitted flag with --restored-ts below the log's max counts as not final; a BR without segments always finalizes.
    /// </summary>
    public static bool IsLastSegment(RestorePointRequest request, ulong restoredTs, ulong logMaxTs)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Dialect switch
        {
            BrDialect.LastSegment => request.LastFlag ?? true,
            BrDialect.Last => request.LastFlag ?? (request.RestoredTs is null || restoredTs >= logMaxTs),
            _ => true,
        };
    }

    /// <summary>
    /// V1's RunStreamRestore: --last left at its default, --restored-ts given and below the log max, so the segment
    /// is not final (BR logs `restore-ts is before log max and --last not specified; treating as non-final segment`).
    /// </summary>
    public static bool TreatedAsNonFinal(RestorePointRequest request, ulong restoredTs, ulong logMaxTs)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Dialect == BrDialect.Last && request.LastFlag is null && request.RestoredTs is not null && restoredTs < logMaxTs;
    }

    /// <summary>
    /// V1's guard at the start of the log phase (after a first segment's snapshot restore): a non-final segment needs a
    /// checkpoint meta manager, which exists only with --use-checkpoint (table, or external with --checkpoint-storage).
    /// V2 has no such guard: with --use-checkpoint=false it keeps its state in mysql.tidb_pitr_id_map silently.
    /// </summary>
    public static void CheckCheckpointForSegment(RestorePointRequest request, bool isLast)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Dialect == BrDialect.Last && !isLast && !request.UseCheckpoint)
        {
            throw BrErrorException.InvalidArgument(CheckpointStorageRequired);
        }
    }

    /// <summary>BR's checkLogRange: logMinTS &lt;= restoreFrom &lt;= restoreTo &lt;= logMaxTS.</summary>
    public static string? CheckLogRange(ulong from, ulong to, ulong logMin, ulong logMax) =>
        logMin > from || from > to || to > logMax
            ? $"restore log from {from}({Tso.GoTimeString(from)}) to {to}({Tso.GoTimeString(to)}),  but the current existed log from {logMin}({Tso.GoTimeString(logMin)}) to {logMax}({Tso.GoTimeString(logMax)})"
            : null;

    /// <summary>
    /// BR refuses a custom --filter that lets any table of mysql or sys through. The rule matching is the API's own
    /// (<see cref="TableFilterRules"/>), so the operator's admission check and this simulator cannot drift apart.
    /// </summary>
    public static void CheckFilters(IReadOnlyList<string> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var rules = new List<TableFilterRule>();
        foreach (var text in filters)
        {
            if (!TableFilterRules.TryParse(text, out var rule, out var problem))
            {
                throw BrErrorException.InvalidArgument($"invalid filter \"{text}\": {problem}");
            }

            rules.Add(rule);
        }

        if (rules.Count > 0 && PitrSystemDatabases.Any(db => TableFilterRules.MatchesSchema(rules, db)))
        {
            throw BrErrorException.InvalidArgument(SystemDbFilter);
        }
    }

    private static ulong? ParseTs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var (tso, error) = TimestampArgument.Parse(text);
        return error is null ? tso : throw new BrErrorException(error);
    }
}
