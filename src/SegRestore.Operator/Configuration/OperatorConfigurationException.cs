namespace SegRestore.Operator.Configuration;

/// <summary>The operator's settings are wrong; the message lists every problem with its fix.</summary>
public sealed class OperatorConfigurationException(string message) : Exception(message)
{
    public OperatorConfigurationException()
        : this("The operator's configuration is invalid.")
    {
    }

    public OperatorConfigurationException(string message, Exception inner)
        : this(message + " " + inner?.Message)
    {
    }
}
