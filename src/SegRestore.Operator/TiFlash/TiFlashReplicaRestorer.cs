using System.Globalization;
using SegRestore.Br.State;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// <see cref="ITiFlashReplicaRestorer"/> over SQL: the statements of <see cref="TiFlashReplicaStatements.Plan"/>, the
/// read-back of <see cref="TiFlashReplicaCheck"/>, failures as <see cref="TiFlashSqlFailure"/> says.
/// </summary>
/// <param name="sessions">Opens the SQL session; <see cref="MySqlTidbSqlSessionFactory"/> by default.</param>
public sealed class TiFlashReplicaRestorer(ITidbSqlSessionFactory sessions) : ITiFlashReplicaRestorer
{
    public TiFlashReplicaRestorer()
        : this(new MySqlTidbSqlSessionFactory())
    {
    }

    public async Task<TiFlashRestoreResult> RestoreAsync(TidbSqlTarget target, IReadOnlyList<TiFlashReplicaItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var plan = TiFlashReplicaStatements.Plan(items);
        if (plan.Statements.Count == 0)
        {
            return Done(target, plan, 0);
        }

        ITidbSqlSession session;
        try
        {
            session = await sessions.OpenAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsCallersCancellation(ex, cancellationToken))
        {
            return Failed(TiFlashSqlFailure.Classify(ex, target), 0, plan.Statements.Select(s => s.Item).Concat(plan.Unnamed));
        }

        await using (session.ConfigureAwait(false))
        {
            return await RunAsync(session, target, plan, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The same attempt on a session the caller opened (and disposes): the seam for tests without MySQL.</summary>
    public static Task<TiFlashRestoreResult> RestoreAsync(
        ITidbSqlSession session, TidbSqlTarget target, IReadOnlyList<TiFlashReplicaItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(target);
        var plan = TiFlashReplicaStatements.Plan(items);
        return plan.Statements.Count == 0 ? Task.FromResult(Done(target, plan, 0)) : RunAsync(session, target, plan, cancellationToken);
    }

    private static async Task<TiFlashRestoreResult> RunAsync(ITidbSqlSession session, TidbSqlTarget target, TiFlashReplicaPlan plan, CancellationToken cancellationToken)
    {
        var applied = 0;
        try
        {
            foreach (var statement in plan.Statements)
            {
                await session.ExecuteAsync(statement.Sql, cancellationToken).ConfigureAwait(false);
                applied++;
            }

            var missing = new List<TiFlashReplicaItem>();
            var differing = new List<(TiFlashReplicaItem Item, TiFlashReplicaCheckResult Result)>();
            foreach (var statement in plan.Statements)
            {
                var item = statement.Item;
                var row = await session.QueryReplicaAsync(item.Database!, item.Table!, cancellationToken).ConfigureAwait(false);
                switch (TiFlashReplicaCheck.Compare(item, row))
                {
                    case TiFlashReplicaCheckResult.Matches: break;
                    case TiFlashReplicaCheckResult.Missing: missing.Add(item); break;
                    case var other: differing.Add((item, other)); break;
                }
            }

            if (differing.Count > 0)
            {
                var tables = string.Join(", ", differing.Select(d => $"{Name(d.Item)} ({Describe(d.Result)})"));
                return Failed(new TiFlashSqlFailure(TiFlashSqlReasons.ReplicasDiffer, false,
                        $"TiDB at {target.Endpoint} shows other TiFlash replicas than BR recorded for {tables}; was the table altered since? " +
                        "Set them by hand if needed"),
                    applied, differing.Select(d => d.Item).Concat(missing).Concat(plan.Unnamed));
            }

            if (missing.Count > 0)
            {
                return Failed(new TiFlashSqlFailure(TiFlashSqlReasons.ReplicasNotVisible, true,
                        $"TiDB at {target.Endpoint} accepted the TiFlash replica settings but does not show them yet for {string.Join(", ", missing.Select(Name))}"),
                    applied, missing.Concat(plan.Unnamed));
            }

            return Done(target, plan, applied);
        }
        catch (Exception ex) when (!IsCallersCancellation(ex, cancellationToken))
        {
            return Failed(TiFlashSqlFailure.Classify(ex, target), applied, plan.Statements.Skip(applied).Select(s => s.Item).Concat(plan.Unnamed));
        }
    }

    private static TiFlashRestoreResult Done(TidbSqlTarget target, TiFlashReplicaPlan plan, int applied)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"{applied} TiFlash replica setting(s) put back on TiDB at {target.Endpoint}");
        if (plan.Unnamed.Count > 0)
        {
            message += string.Create(CultureInfo.InvariantCulture,
                $"; {plan.Unnamed.Count} replica(s) of tables whose names BR's id maps lack are left for a DBA (table ids {string.Join(", ", plan.Unnamed.Select(i => i.DownstreamTableId))})");
        }

        return new TiFlashRestoreResult(true, TiFlashSqlReasons.Restored, message, false, applied, plan.Unnamed);
    }

    private static TiFlashRestoreResult Failed(TiFlashSqlFailure failure, int applied, IEnumerable<TiFlashReplicaItem> unapplied) =>
        new(false, failure.Reason, failure.Message, failure.Retryable, applied, [.. unapplied]);

    private static bool IsCallersCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static string Name(TiFlashReplicaItem item) =>
        TiFlashResetSql.QuoteIdentifier(item.Database ?? string.Empty) + "." + TiFlashResetSql.QuoteIdentifier(item.Table ?? string.Empty);

    private static string Describe(TiFlashReplicaCheckResult result) => result switch
    {
        TiFlashReplicaCheckResult.CountDiffers => "replica count",
        TiFlashReplicaCheckResult.LabelsDiffer => "location labels",
        _ => result.ToString(),
    };
}
