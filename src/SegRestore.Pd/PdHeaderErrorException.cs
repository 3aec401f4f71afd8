namespace SegRestore.Pd;

/// <summary>
/// PD answered, but with an error in its response header (e.g. NOT_BOOTSTRAPPED). The other PD addresses are not
/// tried: they serve the same cluster and would answer the same.
/// </summary>
public sealed class PdHeaderErrorException : PdException
{
    public PdHeaderErrorException(string errorType, string pdMessage, Uri address)
        : base($"PD at {address} answered GetMembers with error {errorType}: {pdMessage}")
    {
        ErrorType = errorType;
        PdMessage = pdMessage;
        Address = address;
    }

    public PdHeaderErrorException()
        : this("UNKNOWN", string.Empty, new Uri("http://unknown"))
    {
    }

    public PdHeaderErrorException(string message)
        : this("UNKNOWN", message, new Uri("http://unknown"))
    {
    }

    public PdHeaderErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = "UNKNOWN";
        PdMessage = message;
        Address = new Uri("http://unknown");
    }

    /// <summary>The pdpb.ErrorType name, e.g. <c>NOT_BOOTSTRAPPED</c>.</summary>
    public string ErrorType { get; }

    public string PdMessage { get; }

    public Uri Address { get; }
}
