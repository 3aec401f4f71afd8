namespace SegRestore.Pd;

/// <summary>No PD address answered; <see cref="Failures"/> says why, address by address.</summary>
public sealed class PdUnavailableException : PdException
{
    public PdUnavailableException(IReadOnlyList<PdAttemptFailure> failures)
        : base(Describe(failures))
    {
        Failures = failures;
    }

    public PdUnavailableException()
        : this([])
    {
    }

    public PdUnavailableException(string message)
        : base(message)
    {
        Failures = [];
    }

    public PdUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failures = [];
    }

    public IReadOnlyList<PdAttemptFailure> Failures { get; }

    private static string Describe(IReadOnlyList<PdAttemptFailure> failures) =>
        failures.Count == 0
            ? "No PD address answered GetMembers."
            : $"No PD address answered GetMembers; check the PD addresses, TLS files and network policy. " +
              string.Join("; ", failures);
}
