using SegRestore.Api.Models;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>Outcome checks shared by the scenarios.</summary>
public static class ChainAssertions
{
    /// <summary>Waits until the last segment succeeded and carries ChainFinalized=True.</summary>
    public static Task<PointRestoreSegment> WaitFinalizedAsync(this E2EEnvironment environment, string last, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.WaitForAsync(
            last,
            s => s.Status?.Phase == SegmentPhase.Succeeded
                && SegmentReasons.Condition(s, ConditionTypes.ChainFinalized)?.Status == "True",
            "Succeeded with ChainFinalized=True",
            timeout ?? TimeSpan.FromMinutes(3));
    }

    /// <summary><c>br brsim verify</c> exits 0: every table matches the upstream at the final restore point.</summary>
    public static async Task VerifyPassesAsync(this BrSimWorld world, ulong? at = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var verify = await world.VerifyAsync(at);
        verify.ExitCode.Should().Be(0, "the restored target must equal the upstream: {0}", verify.Describe());
    }

    /// <summary>audit.log holds one line per restore point, each range once, contiguous and in chain order.</summary>
    public static void AuditShowsEachRangeOnceInOrder(this BrSimWorld world, int segments)
    {
        ArgumentNullException.ThrowIfNull(world);
        var entries = world.ReadAuditEntries();
        entries.Should().HaveCount(segments, "each segment is restored exactly once: {0}", string.Join('\n', world.ReadAudit()));
        for (var i = 0; i < segments; i++)
        {
            entries[i]["restored-ts"].Should().Be(world.Info.RestorePoints[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                "segment {0} restores to restore point {0}", i);
            entries[i]["last"].Should().Be(i == segments - 1 ? "true" : "false");
            if (i > 0)
            {
                entries[i]["start-ts"].Should().Be(entries[i - 1]["restored-ts"], "ranges are contiguous");
            }
        }
    }
}
