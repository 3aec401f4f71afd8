namespace SegRestore.Store.Hosting;

/// <summary>The ledger configuration is unusable; <see cref="Problems"/> lists each bad option with its fix.</summary>
public sealed class LedgerConfigurationException : Exception
{
    public LedgerConfigurationException()
        : this([])
    {
    }

    public LedgerConfigurationException(string message)
        : this([message])
    {
    }

    public LedgerConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public LedgerConfigurationException(IReadOnlyList<string> problems)
        : base("The chain ledger configuration is invalid:" + string.Concat(problems.Select(p => Environment.NewLine + "- " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
