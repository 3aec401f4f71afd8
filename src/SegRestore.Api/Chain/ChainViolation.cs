namespace SegRestore.Api.Chain;

/// <summary>One broken rule: its reason, and a message that names the field, the value and the fix.</summary>
public sealed record ChainViolation(ChainReason Reason, string Message)
{
    public ChainOutcome Outcome => ChainReasons.OutcomeOf(Reason);
}
