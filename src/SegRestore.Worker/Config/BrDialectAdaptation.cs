namespace SegRestore.Worker.Config;

/// <summary>The argv to run, or (when <see cref="FailureReason"/> is set) why this BR cannot run the segment.</summary>
public sealed record BrDialectAdaptation(IReadOnlyList<string> Argv, string? FailureReason = null, string? Remediation = null)
{
    public bool Refused => FailureReason is not null;
}
