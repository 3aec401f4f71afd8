using SegRestore.Api.Chain;
using SegRestore.Api.Timestamps;
using SegRestore.Store.Model;
using ApiCheckpointMode = SegRestore.Api.Models.CheckpointMode;
using StoreCheckpointMode = SegRestore.Store.Model.CheckpointMode;

namespace SegRestore.Operator.Controller;

/// <summary>The ledger's records as the chain rules see them, pure.</summary>
public static class LedgerViews
{
    public static LedgerChain ToView(ChainRecord chain, IReadOnlyList<SegmentRecord> segments)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(segments);
        var identity = chain.Identity;
        return new LedgerChain(
            identity.RootUid,
            identity.RootName,
            chain.State == ChainState.Finalized,
            chain.State == ChainState.Abandoned,
            identity.PdClusterId,
            new ChainSettings(identity.PdAddress, identity.LogUrl, ToApi(identity.CheckpointMode), identity.CheckpointUrl),
            [.. segments.Select(s => new LedgerSegment(
                s.Start.Name,
                s.Uid,
                s.Index,
                s.Index == 0 ? null : new Tso(s.Start.StartTs),
                s.RestoredTs is { } restored ? new Tso(restored) : s.Start.RestoredTs is { } planned ? new Tso(planned) : null,
                s.Start.Last,
                s.State == SegmentState.Succeeded,
                s.Start.SpecHash,
                ReplacementSafety.WroteNothing(s.Attempts),
                s.Replaced?.Select(r => r.Uid).ToList()))]);
    }

    public static ApiCheckpointMode ToApi(StoreCheckpointMode mode) => mode switch
    {
        StoreCheckpointMode.Table => ApiCheckpointMode.Table,
        StoreCheckpointMode.External => ApiCheckpointMode.External,
        _ => ApiCheckpointMode.Managed,
    };

    public static StoreCheckpointMode ToStore(ApiCheckpointMode mode) => mode switch
    {
        ApiCheckpointMode.Table => StoreCheckpointMode.Table,
        ApiCheckpointMode.External => StoreCheckpointMode.External,
        _ => StoreCheckpointMode.Managed,
    };
}
