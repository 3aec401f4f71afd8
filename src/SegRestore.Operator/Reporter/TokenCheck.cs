namespace SegRestore.Operator.Reporter;

/// <summary>The outcome of checking a call's bearer token against the attempt it names.</summary>
public enum TokenCheck
{
    Granted,
    MissingToken,
    MalformedHeader,
    UnknownAttempt,
    WrongToken,
}
