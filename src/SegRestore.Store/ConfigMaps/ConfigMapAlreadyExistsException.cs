namespace SegRestore.Store.ConfigMaps;

/// <summary>A ConfigMap with that name already exists (HTTP 409 AlreadyExists).</summary>
public sealed class ConfigMapAlreadyExistsException : Exception
{
    public ConfigMapAlreadyExistsException()
    {
    }

    public ConfigMapAlreadyExistsException(string message)
        : base(message)
    {
    }

    public ConfigMapAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
