using System.Globalization;
using System.Text.RegularExpressions;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>Reads BR's own <c>[progress] [step=".."] [progress=NN.NN%]</c> log lines; pingcap/log quotes the message
/// and a value only when they need it, so <c>["progress"]</c> and <c>[step=log]</c> are read too.</summary>
public static partial class BrProgress
{
    public const string LogStep = "Restore Files(SST + Log)";

    public static double MaxPercent(string log, string step)
    {
        ArgumentNullException.ThrowIfNull(log);
        return ProgressLine().Matches(log)
            .Where(m => m.Groups["step"].Value == step)
            .Select(m => double.Parse(m.Groups["percent"].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
    }

    [GeneratedRegex("""\["?progress"?\] \[step=(?:"(?<step>[^"]+)"|(?<step>[^\]\s"]+))\] \[progress=(?<percent>[0-9.]+)%\]""")]
    private static partial Regex ProgressLine();
}
