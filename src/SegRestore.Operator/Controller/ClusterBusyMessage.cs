using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

/// <summary>
/// What a segment waiting for a busy cluster is told, pure: which chain holds the cluster (its root's name and
/// namespace), where that chain stands (the root's phase and reason, or the ledger's state) and the command that gives
/// the cluster up. A bare uid and "starts when that chain finishes" left users waiting for a chain that never would.
/// </summary>
public static class ClusterBusyMessage
{
    public static string Compose(string pd, string holderUid, PointRestoreSegment? holderRoot, ChainRecord? holderChain)
    {
        ArgumentNullException.ThrowIfNull(holderUid);
        var name = holderRoot?.Metadata.Name ?? holderChain?.Identity.RootName;
        var ns = holderRoot?.Metadata.NamespaceProperty ?? holderChain?.Identity.Namespace;
        var prefix = $"spec.cluster.pd: \"{pd}\" is being restored by another chain";
        if (name is null || ns is null)
        {
            return $"{prefix} ({holderUid}), whose segments and ledger record are gone; its Lease is released at the next look, " +
                "and this segment starts then";
        }

        var where = holderRoot?.Status is { } status
            ? $"its root is {status.Phase}{(ReasonOf(status) is { } reason ? $" ({reason})" : "")}"
            : $"its ledger record is {holderChain?.State.ToString() ?? "unknown"}";
        return $"{prefix}, rooted at {ns}/{name} (uid {holderUid}): {where}. One chain runs per cluster at a time: this segment " +
            "starts when that chain finalizes or is abandoned; to give the cluster up now, run " +
            $"`kubectl annotate prs {name} -n {ns} {SegRestoreLabels.AbandonAnnotation}=true` (its worker stops; its ledger record stays for inspection)";
    }

    /// <summary>The reason of the condition that explains the phase (as kubectl shows it).</summary>
    private static string? ReasonOf(PointRestoreSegmentStatus status)
    {
        var conditions = status.Conditions ?? [];
        string? Find(string type, string value) => conditions.FirstOrDefault(c => c.Type == type && c.Status == value)?.Reason;
        return Find(ConditionTypes.Failed, ConditionStatus.True)
            ?? Find(ConditionTypes.Validated, ConditionStatus.False)
            ?? Find(ConditionTypes.Held, ConditionStatus.True)
            ?? conditions.FirstOrDefault(c => c.Type == ConditionTypes.WorkerRunning)?.Reason;
    }
}
