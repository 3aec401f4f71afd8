using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using SegRestore.Store;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

/// <summary>
/// What one reconcile knows about a segment's chain: the neighbouring segments from the informer cache, and the
/// ledger's chain and segment records (the source of truth once segments ran).
/// </summary>
public sealed record ChainSnapshot(
    ChainMember Self,
    IReadOnlyList<ChainMember> Neighbourhood,
    ChainRecord? Chain,
    IReadOnlyList<SegmentRecord> Segments)
{
    public LedgerChain? LedgerView => Chain is null ? null : LedgerViews.ToView(Chain, Segments);

    public SegmentRecord? Record => Self.Uid is null ? null : Segments.FirstOrDefault(s => s.Uid == Self.Uid);

    public ChainView View(RuntimeFacts? runtime = null) => new(Neighbourhood, LedgerView, runtime);

    /// <summary>
    /// Loads the chain of <paramref name="segment"/>: its root's uid is the root member's (when the walk reaches a
    /// segment without previousSegment), else the chain recorded in the status of a member on the path, else the
    /// ledger's active chain that recorded the missing predecessor's name in this namespace.
    /// </summary>
    public static async Task<ChainSnapshot> LoadAsync(
        PointRestoreSegment segment, IEnumerable<PointRestoreSegment> namespaceSegments, IChainLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(ledger);
        var self = ChainMember.From(segment);
        var all = namespaceSegments.Where(s => s.Metadata.Uid != segment.Metadata.Uid).ToList();
        var neighbourhood = ChainNeighbourhood.Select(self, all.Select(ChainMember.From));
        var rootUid = FindRootUid(segment, all, neighbourhood);
        rootUid ??= await FindInLedgerAsync(segment, neighbourhood, ledger, cancellationToken).ConfigureAwait(false);
        if (rootUid is null)
        {
            return new ChainSnapshot(self, neighbourhood, null, []);
        }

        var chain = await ledger.GetChainAsync(rootUid, cancellationToken).ConfigureAwait(false);
        var segments = chain is null ? [] : await ledger.ListSegmentsAsync(rootUid, cancellationToken).ConfigureAwait(false);
        return new ChainSnapshot(self, neighbourhood, chain, segments);
    }

    private static string? FindRootUid(PointRestoreSegment segment, List<PointRestoreSegment> all, IReadOnlyList<ChainMember> neighbourhood)
    {
        var walk = ChainWalk.From(ChainMember.From(segment), new ChainView(neighbourhood));
        if (walk.Position is { RootUid: { Length: > 0 } uid })
        {
            return uid;
        }

        if (segment.Status?.Chain?.RootUid is { Length: > 0 } recorded)
        {
            return recorded;
        }

        foreach (var member in walk.Path.Skip(1))
        {
            var resource = all.FirstOrDefault(s => s.Metadata.Uid == member.Uid);
            if (resource?.Status?.Chain?.RootUid is { Length: > 0 } fromStatus)
            {
                return fromStatus;
            }
        }

        return null;
    }

    private static async Task<string?> FindInLedgerAsync(
        PointRestoreSegment segment, IReadOnlyList<ChainMember> neighbourhood, IChainLedger ledger, CancellationToken cancellationToken)
    {
        var walk = ChainWalk.From(ChainMember.From(segment), new ChainView(neighbourhood));
        var missing = walk.Path[^1].Spec.PreviousSegment;
        if (string.IsNullOrEmpty(missing) || walk.Cycle is not null)
        {
            return null;
        }

        var ns = segment.Metadata.NamespaceProperty;
        foreach (var chain in await ledger.ListChainsAsync(ChainQuery.All, cancellationToken).ConfigureAwait(false))
        {
            if (chain.Identity.Namespace != ns)
            {
                continue;
            }

            var segments = await ledger.ListSegmentsAsync(chain.RootUid, cancellationToken).ConfigureAwait(false);
            if (segments.Any(s => s.Start.Name == missing))
            {
                return chain.RootUid;
            }
        }

        return null;
    }
}
