using SegRestore.Br.Probe;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Tests.Unit;

public sealed class BrDialectAdapterTests
{
    private static readonly string[] Head = ["restore", "point", "--pd", "pd:2379", "--restored-ts", "2"];
    private static readonly string[] Tail = ["--checkpoint-storage", "local:///var/lib/segrestore/checkpoint"];

    private static BrCapabilities Br(BrDialect dialect) =>
        new(dialect, SupportsCheckpointStorage: true, new BrVersionInfo("v8.5.0", null, null, null, null, "Release Version: v8.5.0"));

    public static TheoryData<BrDialect, string, string?> Rewrites => new()
    {
        // dialect of the probed BR, the operator's flag, the flag BR gets (null: dropped)
        { BrDialect.LastSegment, "--last-segment=false", "--last-segment=false" },
        { BrDialect.LastSegment, "--last-segment=true", "--last-segment=true" },
        { BrDialect.LastSegment, "--last=false", "--last-segment=false" },
        { BrDialect.LastSegment, "--last=true", "--last-segment=true" },
        { BrDialect.Last, "--last-segment=false", "--last=false" },
        { BrDialect.Last, "--last-segment=true", "--last=true" },
        { BrDialect.Last, "--last=false", "--last=false" },
        { BrDialect.Last, "--last-segment", "--last=true" },
        { BrDialect.Last, "--last-segment=F", "--last=false" },
        { BrDialect.Last, "--last-segment=1", "--last=true" },
        { BrDialect.None, "--last-segment=true", null },
        { BrDialect.None, "--last=TRUE", null },
        { BrDialect.None, "--last", null },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void The_last_segment_flag_is_written_in_the_probed_dialect(BrDialect dialect, string given, string? expected)
    {
        var adaptation = BrDialectAdapter.Adapt([.. Head, given, .. Tail], Br(dialect));

        adaptation.Refused.Should().BeFalse();
        adaptation.Argv.Should().Equal(expected is null ? [.. Head, .. Tail] : [.. Head, expected, .. Tail]);
    }

    [Theory]
    [InlineData("--last-segment=false")]
    [InlineData("--last=false")]
    [InlineData("--last-segment=0")]
    public void A_br_without_either_flag_refuses_a_segment_that_is_not_the_last(string given)
    {
        var adaptation = BrDialectAdapter.Adapt([.. Head, given, .. Tail], Br(BrDialect.None));

        adaptation.Refused.Should().BeTrue();
        adaptation.FailureReason.Should().Be("BrLacksSegmentedRestore");
        adaptation.Remediation.Should().Contain("spec.br.image").And.Contain("v8.5.0")
            .And.Contain("--last-segment or --last").And.Contain("spec.last: true");
    }

    [Theory]
    [InlineData(BrDialect.None)]
    [InlineData(BrDialect.Last)]
    [InlineData(BrDialect.LastSegment)]
    public void An_argv_without_the_flag_or_with_lookalike_tokens_is_left_alone(BrDialect dialect)
    {
        string[] argv = [.. Head, "--last-segments=false", "--lastx", "--last-segment=maybe", "last=false", .. Tail];

        var adaptation = BrDialectAdapter.Adapt(argv, Br(dialect));

        adaptation.Refused.Should().BeFalse();
        adaptation.Argv.Should().Equal(argv);
    }
}
