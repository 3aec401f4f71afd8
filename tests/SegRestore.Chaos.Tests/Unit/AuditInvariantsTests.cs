using SegRestore.Chaos.Tests.Infrastructure;

namespace SegRestore.Chaos.Tests.Unit;

public sealed class AuditInvariantsTests
{
    private static readonly IReadOnlyList<ulong> Points = [20, 30, 40];

    public static TheoryData<string, string[], string?> Cases => new()
    {
        { "each range once, in order", ["a 10 20 false", "a 20 30 false", "a 30 40 true"], null },
        { "a range restored twice", ["a 10 20 false", "a 20 30 false", "a 20 30 false", "a 30 40 true"], "restored 2 times" },
        { "a range missing", ["a 10 20 false", "a 30 40 true"], "expected the restore points" },
        { "not contiguous", ["a 10 20 false", "a 25 30 false", "a 30 40 true"], "not contiguous" },
        { "last on a middle segment", ["a 10 20 false", "a 20 30 true", "a 30 40 true"], "has last=true, expected false" },
        { "a finished range run again from a full checkpoint (applied=0)", ["a 10 20 false", "a 20 30 false", "a 30 40 true", "a 30 40 true 0"], null },
        { "a finished range run again that wrote data", ["a 10 20 false", "a 20 30 false", "a 30 40 true", "a 30 40 true 3"], "restored 2 times" },
        { "applied=0 for a range that was not the one just before", ["a 10 20 false", "a 20 30 false", "a 10 20 false 0", "a 30 40 true"], "restored 2 times" },
        { "applied=0 on a first line still counts as the restore", ["a 10 20 false 0", "a 20 30 false", "a 30 40 true"], null },
        { "a line for an unknown target", ["a 10 20 false", "a 20 30 false", "a 30 40 true", "x 10 20 false"], "none of the chains' targets" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_range_must_be_restored_exactly_once_and_contiguously_per_target(string because, string[] lines, string? violation)
    {
        var entries = lines.Select(Entry).ToList();
        var violations = AuditInvariants.Violations(entries, ["a"], Points);
        if (violation is null)
        {
            violations.Should().BeEmpty(because);
        }
        else
        {
            violations.Should().Contain(v => v.Contains(violation), because);
        }
    }

    [Fact]
    public void Targets_are_checked_apart_even_when_their_lines_interleave()
    {
        var entries = new[] { "a 10 20 false", "b 10 20 false", "b 20 30 false", "a 20 30 false", "a 30 40 true", "b 30 40 true" }
            .Select(Entry).ToList();
        AuditInvariants.Violations(entries, ["a", "b"], Points).Should().BeEmpty();
    }

    [Fact]
    public void Runs_that_only_finished_a_range_again_are_counted_apart()
    {
        var entries = new[] { "a 10 20 false", "a 20 30 false", "a 20 30 false 0", "a 30 40 true", "a 30 40 true 0" }.Select(Entry).ToList();
        AuditInvariants.Refinished(entries).Should().Be(2);
    }

    private static IReadOnlyDictionary<string, string> Entry(string line)
    {
        var parts = line.Split(' ');
        var entry = new Dictionary<string, string> { ["pd"] = parts[0], ["start-ts"] = parts[1], ["restored-ts"] = parts[2], ["last"] = parts[3] };
        if (parts.Length > 4)
        {
            entry["applied"] = parts[4];
        }

        return entry;
    }
}
