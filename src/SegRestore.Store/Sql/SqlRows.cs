using System.Data.Common;
using System.Globalization;
using SegRestore.Store.Model;

namespace SegRestore.Store.Sql;

/// <summary>Maps ledger records to and from rows; the column lists live next to the mapping so they cannot drift.</summary>
internal sealed class SqlRows(SqlDialect dialect)
{
    public const string ChainColumns = "root_uid, root_name, namespace, pd_cluster_id, pd_address, log_url, checkpoint_mode, " +
        "checkpoint_url, br_dialect, state, state_reason, generation, created_at, updated_at, finalized_at";

    public const string SegmentColumns = "segment_uid, idx, name, start_ts, planned_restored_ts, restored_ts, last, state, spec_hash, " +
        "attempts_json, summary_json, started_at, updated_at, completed_at, replaced_json";

    public ChainRecord Chain(DbDataReader row)
    {
        var identity = new NewChain(
            (string)row["root_uid"],
            (string)row["root_name"],
            (string)row["namespace"],
            dialect.UInt64From(row["pd_cluster_id"]),
            (string)row["pd_address"],
            (string)row["log_url"],
            Enum.Parse<CheckpointMode>((string)row["checkpoint_mode"]),
            row.Nullable("checkpoint_url") as string,
            Enum.Parse<BrDialect>((string)row["br_dialect"]));
        return new ChainRecord(
            identity,
            Enum.Parse<ChainState>((string)row["state"]),
            row.Nullable("state_reason") as string,
            Convert.ToInt64(row["generation"], CultureInfo.InvariantCulture),
            dialect.TimeFrom(row["created_at"]),
            dialect.TimeFrom(row["updated_at"]),
            row.Nullable("finalized_at") is { } finalized ? dialect.TimeFrom(finalized) : null);
    }

    public (string Name, object? Value)[] ChainParameters(ChainRecord chain)
    {
        var identity = chain.Identity;
        return
        [
            ("root_uid", identity.RootUid), ("root_name", identity.RootName), ("namespace", identity.Namespace),
            ("pd_cluster_id", dialect.ToDb(identity.PdClusterId)), ("pd_address", identity.PdAddress), ("log_url", identity.LogUrl),
            ("checkpoint_mode", identity.CheckpointMode.ToString()), ("checkpoint_url", identity.CheckpointUrl),
            ("br_dialect", identity.Dialect.ToString()), ("state", chain.State.ToString()), ("state_reason", chain.StateReason),
            ("generation", chain.Generation), ("created_at", dialect.ToDb(chain.CreatedAt)), ("updated_at", dialect.ToDb(chain.UpdatedAt)),
            ("finalized_at", chain.FinalizedAt is { } at ? dialect.ToDb(at) : null),
        ];
    }

    public SegmentRecord Segment(DbDataReader row)
    {
        var replaced = row.Nullable("replaced_json") is string history ? LedgerJson.Deserialize<List<ReplacedSegment>>(history) : null;
        var start = new SegmentStart(
            (string)row["segment_uid"],
            Convert.ToInt32(row["idx"], CultureInfo.InvariantCulture),
            (string)row["name"],
            dialect.UInt64From(row["start_ts"]),
            row.Nullable("planned_restored_ts") is { } planned ? dialect.UInt64From(planned) : null,
            Convert.ToBoolean(row["last"], CultureInfo.InvariantCulture),
            (string)row["spec_hash"],
            replaced is { Count: > 0 } ? replaced[^1].Uid : null);
        return new SegmentRecord(
            start,
            Enum.Parse<SegmentState>((string)row["state"]),
            LedgerJson.Deserialize<List<AttemptRecord>>((string)row["attempts_json"]),
            row.Nullable("restored_ts") is { } restored ? dialect.UInt64From(restored) : null,
            row.Nullable("summary_json") is string summary ? LedgerJson.Deserialize<BrSummary>(summary) : null,
            dialect.TimeFrom(row["started_at"]),
            dialect.TimeFrom(row["updated_at"]),
            row.Nullable("completed_at") is { } completed ? dialect.TimeFrom(completed) : null,
            replaced);
    }

    public (string Name, object? Value)[] SegmentParameters(string chainUid, SegmentRecord segment)
    {
        var start = segment.Start;
        return
        [
            ("chain_uid", chainUid), ("segment_uid", start.Uid), ("idx", start.Index), ("name", start.Name),
            ("start_ts", dialect.ToDb(start.StartTs)), ("planned_restored_ts", start.RestoredTs is { } p ? dialect.ToDb(p) : null),
            ("restored_ts", segment.RestoredTs is { } r ? dialect.ToDb(r) : null), ("last", start.Last),
            ("state", segment.State.ToString()), ("spec_hash", start.SpecHash),
            ("attempts_json", LedgerJson.Serialize(segment.Attempts)),
            ("summary_json", segment.Summary is null ? null : LedgerJson.Serialize(segment.Summary)),
            ("started_at", dialect.ToDb(segment.StartedAt)), ("updated_at", dialect.ToDb(segment.UpdatedAt)),
            ("completed_at", segment.CompletedAt is { } c ? dialect.ToDb(c) : null),
            ("replaced_json", segment.Replaced is { Count: > 0 } replaced ? LedgerJson.Serialize(replaced) : null),
        ];
    }

    public static CheckpointFileInfo File(DbDataReader row) => new(
        (string)row["path"],
        (string)row["sha256"],
        Convert.ToInt64(row["size"], CultureInfo.InvariantCulture),
        Convert.ToInt64(row["generation"], CultureInfo.InvariantCulture));

    /// <summary>"@a, @b, ..." for an INSERT's VALUES list, in the order of the parameters.</summary>
    public static string ValuesList((string Name, object? Value)[] parameters) => string.Join(", ", parameters.Select(p => "@" + p.Name));

    /// <summary>"a, b, ..." for an INSERT's column list.</summary>
    public static string ColumnList((string Name, object? Value)[] parameters) => string.Join(", ", parameters.Select(p => p.Name));

    /// <summary>"a = @a, ..." for an UPDATE.</summary>
    public static string SetList((string Name, object? Value)[] parameters, params string[] except) =>
        string.Join(", ", parameters.Where(p => !except.Contains(p.Name)).Select(p => $"{p.Name} = @{p.Name}"));
}
