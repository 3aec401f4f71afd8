using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Operator.Controller;
using SegRestore.Store.Model;
using BrDialect = SegRestore.Store.Model.BrDialect;
using CheckpointMode = SegRestore.Store.Model.CheckpointMode;

namespace SegRestore.Operator.Tests.Controller;

public sealed class ClusterBusyMessageTests
{
    private static readonly ChainRecord Ledger = new(
        new NewChain("uid-a", "orders-0", "team", 7, "pd:2379", "s3://b/log", CheckpointMode.Managed, null, BrDialect.Unknown),
        ChainState.Active, null, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);

    public static TheoryData<string, PointRestoreSegment?, ChainRecord?, string[]> Cases => new()
    {
        { "a failed root is named with its reason and the abandon command", Root(SegmentPhase.Failed, ConditionTypes.Failed, "True", "RangeOutsideLog"), Ledger,
            ["rooted at team/orders-0 (uid uid-a)", "its root is Failed (RangeOutsideLog)", "kubectl annotate prs orders-0 -n team segrestore.io/abandon=true"] },
        { "a running root", Root(SegmentPhase.Running, ConditionTypes.WorkerRunning, "True", "WorkerStarted"), Ledger,
            ["its root is Running (WorkerStarted)", "finalizes or is abandoned"] },
        { "an invalid root", Root(SegmentPhase.Invalid, ConditionTypes.Validated, "False", "InvalidSpec"), null, ["its root is Invalid (InvalidSpec)", "team/orders-0"] },
        { "a deleted root still in the ledger", null, Ledger, ["its ledger record is Active", "kubectl annotate prs orders-0 -n team"] },
        { "nothing left of the holder", null, null, ["(uid-a), whose segments and ledger record are gone", "released at the next look"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_busy_cluster_names_the_holding_chain_where_it_stands_and_how_to_free_it(string because, PointRestoreSegment? root, ChainRecord? chain, string[] fragments)
    {
        var message = ClusterBusyMessage.Compose("pd:2379", "uid-a", root, chain);

        message.Should().StartWith("spec.cluster.pd: \"pd:2379\"", because);
        foreach (var fragment in fragments)
        {
            message.Should().Contain(fragment, because);
        }
    }

    private static PointRestoreSegment Root(SegmentPhase phase, string type, string status, string reason) => new()
    {
        Metadata = new V1ObjectMeta { Name = "orders-0", NamespaceProperty = "team", Uid = "uid-a" },
        Status = new PointRestoreSegmentStatus
        {
            Phase = phase,
            Conditions = [new V1Condition { Type = type, Status = status, Reason = reason, Message = "m" }],
        },
    };
}
