namespace SegRestore.Worker.Config;

/// <summary>Bad configuration: the message names the variable, the value (never a secret's) and the fix.</summary>
public sealed class WorkerConfigException : Exception
{
    public WorkerConfigException()
    {
    }

    public WorkerConfigException(string message)
        : base(message)
    {
    }

    public WorkerConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
