using SegRestore.Operator.Reporter;
using SegRestore.Operator.Workers;
using SegRestore.Reporter.Contract;
using SegRestore.Reporter.Contract.Protos;

namespace SegRestore.Operator.Tests.Workers;

/// <summary>The decision "probe or reuse": a new attempt gets the chain's known BR capabilities only for the very BR
/// image reference the probing attempt ran.</summary>
public sealed class BrCapabilityReuseTests
{
    private const string Image = "pingcap/br:v8.5.0";

    public static TheoryData<string, ProbedBr?, string, string?> Cases => new()
    {
        { "nothing known yet (first attempt, or the operator restarted)", null, Image, null },
        { "same image, V2 dialect", new ProbedBr(Image, "LastSegment", "v8.5.0"), Image, "dialect=LastSegment;version=v8.5.0" },
        { "same image, V1 dialect", new ProbedBr(Image, "Last", "v7.5.1"), Image, "dialect=Last;version=v7.5.1" },
        { "same image, BR without segment flags", new ProbedBr(Image, "None", "v6.5.0"), Image, "dialect=None;version=v6.5.0" },
        { "same image, BR printed no version", new ProbedBr(Image, "LastSegment", ""), Image, "dialect=LastSegment;version=" },
        { "another tag", new ProbedBr(Image, "LastSegment", "v8.5.0"), "pingcap/br:v9.0.0", null },
        { "the same tag from another registry", new ProbedBr(Image, "LastSegment", "v8.5.0"), "registry.local/pingcap/br:v8.5.0", null },
        { "a digest instead of the tag", new ProbedBr(Image, "LastSegment", "v8.5.0"), "pingcap/br@sha256:0123abcd", null },
        { "image compared exactly, case included", new ProbedBr(Image, "LastSegment", "v8.5.0"), "PingCAP/br:v8.5.0", null },
        { "no image on the new attempt", new ProbedBr(Image, "LastSegment", "v8.5.0"), "", null },
        { "a dialect this operator does not know", new ProbedBr(Image, "LastSegmentV3", "v10"), Image, null },
        { "a numeric dialect", new ProbedBr(Image, "2", "v8.5.0"), Image, null },
        { "an empty dialect", new ProbedBr(Image, "", "v8.5.0"), Image, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_new_attempt_reuses_the_chains_probe_only_for_the_same_br_image(string why, ProbedBr? probed, string image, string? expected)
    {
        BrCapabilityReuse.HintFor(probed, image).Should().Be(expected, why);
    }

    [Fact]
    public void A_registration_ties_the_reported_br_to_the_image_its_pod_was_launched_with()
    {
        var sink = new InMemoryAttemptActivitySink();
        var grant = new AttemptGrant("root-uid", "seg-uid", 1, "seg-a1", new byte[32]);
        sink.OnLaunched("seg-uid", 1, Image);

        sink.OnRegistered(grant, "v8.5.0", "Last");

        sink.ProbedBrOfChain("root-uid").Should().Be(new ProbedBr(Image, "Last", "v8.5.0"));
        sink.DialectOfChain("root-uid").Should().Be("Last");
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_failed_attempt_makes_the_next_attempt_of_the_chain_probe_again(bool succeeded, bool hintKept)
    {
        var sink = new InMemoryAttemptActivitySink();
        var grant = new AttemptGrant("root-uid", "seg-uid", 1, "seg-a1", new byte[32]);
        sink.OnLaunched("seg-uid", 1, Image);
        sink.OnRegistered(grant, "v8.5.0", "LastSegment");

        sink.OnResultRecorded(grant, new ResultReport { Succeeded = succeeded, ExitCode = succeeded ? 0 : 1 });

        (BrCapabilityReuse.HintFor(sink.ProbedBrOfChain("root-uid"), Image) is not null).Should().Be(hintKept);
    }

    [Fact]
    public void A_registration_without_a_known_launch_image_gives_no_hint()
    {
        var sink = new InMemoryAttemptActivitySink();

        sink.OnRegistered(new AttemptGrant("root-uid", "seg-uid", 2, "seg-a2", new byte[32]), "v8.5.0", "LastSegment");

        sink.ProbedBrOfChain("root-uid").Should().BeNull("a pod adopted without its image must not pass a hint for any image");
        BrCapabilityReuse.HintFor(sink.ProbedBrOfChain("root-uid"), Image).Should().BeNull();
    }

    [Fact]
    public void The_hint_reaches_the_worker_environment_only_when_there_is_one()
    {
        var hinted = WorkerEnvironment.For(WorkerPodFixture.Request() with { KnownBrCapabilities = "dialect=Last;version=v7.5.1" });
        var plain = WorkerEnvironment.For(WorkerPodFixture.Request());

        hinted.Should().ContainSingle(e => e.Name == WorkerEnv.KnownBrCapabilities).Which.Value.Should().Be("dialect=Last;version=v7.5.1");
        plain.Should().NotContain(e => e.Name == WorkerEnv.KnownBrCapabilities);
    }

    [Fact]
    public void The_pods_br_image_is_the_segments_else_the_default()
    {
        WorkerPodBuilder.BrImage(WorkerPodFixture.Segment(s => s.Br = null).Spec, WorkerPodFixture.Settings)
            .Should().Be(WorkerPodFixture.Settings.DefaultBrImage);
        var pod = WorkerPodBuilder.Build(WorkerPodFixture.Request());
        pod.Spec!.InitContainers![0].Image.Should().Be(WorkerPodBuilder.BrImage(WorkerPodFixture.Request().Segment.Spec, WorkerPodFixture.Settings));
    }
}
