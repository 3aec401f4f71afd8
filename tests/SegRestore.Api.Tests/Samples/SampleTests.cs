using SegRestore.Api.Chain;
using SegRestore.Api.Crd;
using SegRestore.Api.Models;
using SegRestore.Api.Schema;

namespace SegRestore.Api.Tests.Samples;

public class SampleTests
{
    public static TheoryData<string> Samples => new(SampleChains.Names());

    [Fact]
    public void The_three_required_samples_exist()
    {
        SampleChains.Names().Should().Contain(["three-segment", "external-checkpoint", "hold-gated"]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_document_validates_against_the_generated_schema(string sample)
    {
        var schema = CrdGenerator.RootSchema();

        foreach (var (file, document) in SampleChains.SegmentDocuments(sample))
        {
            StructuralSchemaValidator.Validate(document, schema).Should().BeEmpty($"{sample}/{file} must match the CRD");
            document["apiVersion"]!.GetValue<string>().Should().Be(PointRestoreSegment.GroupVersion);
            document["kind"]!.GetValue<string>().Should().Be(PointRestoreSegment.KindName);
        }
    }

    [Fact]
    public void The_tidb_operator_sample_carries_the_TidbCluster_the_identity_and_the_SQL_account_it_names()
    {
        var companions = SampleChains.Documents("tidb-operator").Select(d => d.Document)
            .Where(d => SampleChains.CompanionKinds.Contains(d["kind"]!.GetValue<string>())).ToList();
        var segments = SampleChains.Segments("tidb-operator");

        companions.Select(d => d["kind"]!.GetValue<string>()).Should().BeEquivalentTo(["TidbCluster", "ServiceAccount", "Secret"]);
        segments.Should().OnlyContain(s => s.Spec.Cluster.TidbClusterRef!.Name == "basic" && s.Spec.Cluster.Pd == null);
        segments.Should().OnlyContain(s => s.Spec.Worker!.ServiceAccountName == "br-restore" && s.Spec.Log.SecretName == null);
        segments[^1].Spec.Cluster.Sql!.SecretName.Should().Be("tidb-sql");
        companions.Single(d => d["kind"]!.GetValue<string>() == "ServiceAccount")["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"].Should().NotBeNull();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Applied_at_once_the_first_segment_is_ready_and_the_others_wait_for_their_predecessor(string sample)
    {
        var members = SampleChains.Segments(sample).Select(ChainMember.From).ToList();
        var view = new ChainView(members);

        var verdicts = members.ToDictionary(member => member.Name, member => ChainRules.Evaluate(member, view));

        verdicts.Values.Should().NotContain(verdict => verdict.Outcome == ChainOutcome.Invalid || verdict.Outcome == ChainOutcome.Failed);
        foreach (var member in members)
        {
            var verdict = verdicts[member.Name];
            if (string.IsNullOrEmpty(member.Spec.PreviousSegment))
            {
                verdict.Outcome.Should().Be(member.Spec.Hold ? ChainOutcome.Waiting : ChainOutcome.Ready, verdict.Message);
            }
            else
            {
                verdict.Reason.Should().Be(ChainReason.PredecessorIncomplete, verdict.Message);
            }
        }
    }

    [Theory]
    [InlineData("three-segment", new[] { "orders-0", "orders-1", "orders-2" }, null)]
    [InlineData("external-checkpoint", new[] { "billing-0", "billing-1" }, null)]
    [InlineData("hold-gated", new[] { "ledger-0" }, "ledger-1")]
    public void Running_a_sample_chain_succeeds_in_order_and_stops_at_a_hold(string sample, string[] expectedOrder, string? heldAt)
    {
        var members = SampleChains.Segments(sample).Select(ChainMember.From).ToList();
        var order = new List<string>();
        for (var round = 0; round < members.Count; round++)
        {
            var view = new ChainView(members);
            var ready = members.FirstOrDefault(member => member.Phase != SegmentPhase.Succeeded && ChainRules.Evaluate(member, view).IsReady);
            if (ready is null)
            {
                break;
            }

            var evaluation = ChainRules.Evaluate(ready, view);
            evaluation.Index.Should().Be(order.Count);
            order.Add(ready.Name);
            members[members.IndexOf(ready)] = ready with { Phase = SegmentPhase.Succeeded, RestoredTs = evaluation.RestoredTs ?? evaluation.StartTs };
        }

        order.Should().Equal(expectedOrder);
        if (heldAt is not null)
        {
            var held = members.Single(member => member.Name == heldAt);
            ChainRules.Evaluate(held, new ChainView(members)).Reason.Should().Be(ChainReason.Held);
        }
    }
}
