using Microsoft.Extensions.Logging;

namespace SegRestore.Operator.Reporter;

/// <summary>Sends the reporter host's logs to the operator's own logger factory.</summary>
public sealed class ForwardingLoggerProvider(ILoggerFactory factory) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => factory.CreateLogger(categoryName);

    public void Dispose()
    {
        // the factory belongs to the operator host
    }
}
