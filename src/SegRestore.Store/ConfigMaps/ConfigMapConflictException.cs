namespace SegRestore.Store.ConfigMaps;

/// <summary>The stored ConfigMap's resourceVersion differs from the precondition (HTTP 409), or it vanished.</summary>
public sealed class ConfigMapConflictException : Exception
{
    public ConfigMapConflictException()
    {
    }

    public ConfigMapConflictException(string message)
        : base(message)
    {
    }

    public ConfigMapConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
