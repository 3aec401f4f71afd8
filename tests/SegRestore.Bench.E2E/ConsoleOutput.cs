using System.Globalization;
using Xunit.Abstractions;

namespace SegRestore.Bench.E2E;

/// <summary>The E2E harness writes to an xunit output; here that is stderr with a timestamp (stdout stays clean).</summary>
public sealed class ConsoleOutput : ITestOutputHelper
{
    public void WriteLine(string message) =>
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {message}");

    public void WriteLine(string format, params object[] args) =>
        WriteLine(string.Format(CultureInfo.InvariantCulture, format, args));
}
