namespace SegRestore.Kube.Client;

/// <summary>A configuration that cannot be used; the message names the field, the value and the fix.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException()
    {
    }

    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
