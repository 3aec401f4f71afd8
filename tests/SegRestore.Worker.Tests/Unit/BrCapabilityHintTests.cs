using SegRestore.Br.Probe;

namespace SegRestore.Worker.Tests.Unit;

/// <summary>The worker's side of "probe or reuse": a hint it can read is used as the probe's answer; anything else
/// (absent, malformed, an unknown dialect) means probing BR as before.</summary>
public sealed class BrCapabilityHintTests
{
    public static TheoryData<string, string?, BrDialect?, string?> Cases => new()
    {
        { "no hint: probe", null, null, null },
        { "empty hint: probe", "", null, null },
        { "blank hint: probe", "   ", null, null },
        { "V2 dialect with version", "dialect=LastSegment;version=v8.5.0", BrDialect.LastSegment, "v8.5.0" },
        { "V1 dialect", "dialect=Last;version=v7.5.1", BrDialect.Last, "v7.5.1" },
        { "no segment flags", "dialect=None;version=v6.5.0", BrDialect.None, "v6.5.0" },
        { "BR printed no version", "dialect=LastSegment;version=", BrDialect.LastSegment, null },
        { "a version with separators stays whole", "dialect=Last;version=v9.0.0-beta;x=1", BrDialect.Last, "v9.0.0-beta;x=1" },
        { "unknown dialect: probe", "dialect=LastSegmentV3;version=v10", null, null },
        { "numeric dialect: probe", "dialect=2;version=v8.5.0", null, null },
        { "lower-case dialect: probe", "dialect=lastsegment;version=v8.5.0", null, null },
        { "no version part: probe", "dialect=LastSegment", null, null },
        { "keys in another order: probe", "version=v8.5.0;dialect=LastSegment", null, null },
        { "a bare dialect name: probe", "LastSegment", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_readable_hint_replaces_the_probe_and_anything_else_probes(string why, string? hint, BrDialect? dialect, string? version)
    {
        var capabilities = BrCapabilityHint.Parse(hint);

        if (dialect is null)
        {
            capabilities.Should().BeNull(why);
            return;
        }

        capabilities.Should().NotBeNull(why);
        capabilities!.Dialect.Should().Be(dialect.Value, why);
        capabilities.Version.ReleaseVersion.Should().Be(version, why);
    }

    [Theory]
    [InlineData(BrDialect.LastSegment, "v8.5.0")]
    [InlineData(BrDialect.Last, "v7.5.1")]
    [InlineData(BrDialect.None, null)]
    public void What_the_operator_formats_the_worker_reads_back(BrDialect dialect, string? version)
    {
        var read = BrCapabilityHint.Parse(BrCapabilityHint.Format(dialect, version));

        read!.Dialect.Should().Be(dialect);
        read.Version.ReleaseVersion.Should().Be(version);
    }
}
