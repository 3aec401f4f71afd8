using System.Data.Common;
using SegRestore.Store.Errors;
using SegRestore.Store.Model;
using SegRestore.Store.Rules;

namespace SegRestore.Store.Sql;

/// <summary>Segments: read, decide with <see cref="SegmentRules"/>, write the row when it changed.</summary>
internal sealed partial class SqlChainLedger
{
    public async Task<IReadOnlyList<SegmentRecord>> ListSegmentsAsync(string rootUid, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        _ = await ReadChainAsync(connection, null, rootUid, cancellationToken).ConfigureAwait(false) ?? throw NotFound(rootUid);
        return await ReadSegmentsAsync(connection, null, rootUid, cancellationToken).ConfigureAwait(false);
    }

    public Task<SegmentRecord> RecordSegmentStartAsync(string rootUid, SegmentStart start, CancellationToken cancellationToken) =>
        InChainTransactionAsync(rootUid, async (connection, transaction, chain) =>
        {
            var segments = await ReadSegmentsAsync(connection, transaction, rootUid, cancellationToken).ConfigureAwait(false);
            var change = SegmentRules.Start(chain, segments, start, time.LedgerNow());
            if (change.Changed)
            {
                if (change.Value.Start.Replaces is { } replaced)
                {
                    // The replacement takes the replaced segment's index (unique per chain): its row goes first.
                    await connection.ExecuteAsync(transaction, "DELETE FROM segments WHERE chain_uid = @chain AND segment_uid = @replaced",
                        cancellationToken, ("chain", rootUid), ("replaced", replaced)).ConfigureAwait(false);
                }

                var parameters = _rows.SegmentParameters(rootUid, change.Value);
                await connection.ExecuteAsync(transaction,
                    $"INSERT INTO segments ({SqlRows.ColumnList(parameters)}) VALUES ({SqlRows.ValuesList(parameters)})",
                    cancellationToken, parameters).ConfigureAwait(false);
                await TouchChainAsync(connection, transaction, chain, cancellationToken).ConfigureAwait(false);
            }

            return change.Value;
        }, cancellationToken);

    /// <summary>Start, then the attempt (two transactions; each is idempotent, so a crash between them repeats safely).</summary>
    public async Task<SegmentRecord> RecordSegmentStartAsync(string rootUid, SegmentStart start, SegmentAttempt firstAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        await RecordSegmentStartAsync(rootUid, start, cancellationToken).ConfigureAwait(false);
        return await RecordAttemptAsync(rootUid, start.Uid, firstAttempt, cancellationToken).ConfigureAwait(false);
    }

    public Task<SegmentRecord> RecordAttemptAsync(string rootUid, string segmentUid, SegmentAttempt attempt, CancellationToken cancellationToken) =>
        UpdateSegmentAsync(rootUid, segmentUid, (chain, segment) => SegmentRules.Attempt(chain, segment, attempt, time.LedgerNow()), cancellationToken);

    public Task<SegmentRecord> RecordCompletionAsync(string rootUid, string segmentUid, SegmentCompletion completion, CancellationToken cancellationToken) =>
        UpdateSegmentAsync(rootUid, segmentUid, (chain, segment) => SegmentRules.Complete(chain, segment, completion, time.LedgerNow()), cancellationToken);

    /// <summary>Items, then the completion (two transactions: a repeat finds the completion recorded and writes nothing).</summary>
    public async Task<SegmentRecord> RecordResultAsync(
        string rootUid, string segmentUid, SegmentCompletion completion, ChainItems? items, CancellationToken cancellationToken)
    {
        var segment = (await ListSegmentsAsync(rootUid, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Uid == segmentUid);
        if (items is not null && segment is not null && segment.State == SegmentState.Running)
        {
            await SaveItemsAsync(rootUid, items, cancellationToken).ConfigureAwait(false);
        }

        return await RecordCompletionAsync(rootUid, segmentUid, completion, cancellationToken).ConfigureAwait(false);
    }

    private Task<SegmentRecord> UpdateSegmentAsync(
        string rootUid, string segmentUid, Func<ChainRecord, SegmentRecord, Change<SegmentRecord>> decide, CancellationToken cancellationToken) =>
        InChainTransactionAsync(rootUid, async (connection, transaction, chain) =>
        {
            var segments = await ReadSegmentsAsync(connection, transaction, rootUid, cancellationToken).ConfigureAwait(false);
            var segment = segments.FirstOrDefault(s => s.Uid == segmentUid)
                ?? throw new LedgerNotFoundException(rootUid, $"Segment '{segmentUid}' of chain '{rootUid}' was never started in the ledger.");
            var change = decide(chain, segment);
            if (change.Changed)
            {
                var parameters = _rows.SegmentParameters(rootUid, change.Value);
                await connection.ExecuteAsync(transaction,
                    $"UPDATE segments SET {SqlRows.SetList(parameters, "chain_uid", "segment_uid")} WHERE chain_uid = @chain_uid AND segment_uid = @segment_uid",
                    cancellationToken, parameters).ConfigureAwait(false);
                await TouchChainAsync(connection, transaction, chain, cancellationToken).ConfigureAwait(false);
            }

            return change.Value;
        }, cancellationToken);

    private Task<List<SegmentRecord>> ReadSegmentsAsync(DbConnection connection, DbTransaction? transaction, string rootUid, CancellationToken cancellationToken) =>
        connection.QueryAsync(transaction,
            $"SELECT {SqlRows.SegmentColumns} FROM segments WHERE chain_uid = @uid ORDER BY idx",
            _rows.Segment, cancellationToken, ("uid", rootUid));

    private Task TouchChainAsync(DbConnection connection, DbTransaction transaction, ChainRecord chain, CancellationToken cancellationToken) =>
        UpdateChainAsync(connection, transaction, chain with { UpdatedAt = time.LedgerNow() }, cancellationToken);
}
