namespace SegRestore.Api.Chain;

/// <summary>One broken rule: its reason, and a message that names the field, the value and the fix.</summary>
public sealed record ChainViolation(ChainReason Reason, string Message)
{
    /// <summary>Messages echo the offending value; a hostile 1 MiB value must not make the message too long for a
    /// status condition (32768 in the CRD) or an Event, so the middle of a long message is elided. The start names
    /// the field and the end says the fix, so both survive.</summary>
    public const int MaxMessageLength = 2048;

    public string Message { get; init; } = BoundedText.Elide(Message, MaxMessageLength);

    public ChainOutcome Outcome => ChainReasons.OutcomeOf(Reason);
}
