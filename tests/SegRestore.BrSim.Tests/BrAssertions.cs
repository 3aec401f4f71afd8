using SegRestore.Br.Errors;
using SegRestore.Br.Output;

namespace SegRestore.BrSim.Tests;

/// <summary>Assertions on a failed br run: exit 1, one `["br failed"]` line, its text, and how the catalog reads it.</summary>
public static class BrAssertions
{
    public static string ShouldFailWith(this BrProcess.Result result, string text, BrFailureReason reason)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.ExitCode.Should().Be(1, result.Stdout + result.Stderr);
        var failed = BrOutput.ParseAllKnown(result.Stdout).OfType<BrFailedEvent>().Should().ContainSingle().Subject;
        failed.Error.Should().Contain(text);
        BrErrorCatalog.Classify(failed.Error, result.ExitCode).Reason.Should().Be(reason);
        return failed.Error;
    }
}
