using System.Globalization;
using System.Text.RegularExpressions;

namespace SegRestore.Br.Output;

/// <summary>
/// BR's terminal bar (cheggaaa/pb template `name &lt;bar&gt; NN.NN%`), redrawn in place with carriage returns and
/// possibly coloured with ANSI escapes.
/// </summary>
public static partial class TerminalProgressParser
{
    public static bool TryParse(string line, out string step, out double percent)
    {
        step = string.Empty;
        percent = 0;
        var match = Bar().Match(StripAnsi(line ?? string.Empty));
        if (!match.Success || !double.TryParse(match.Groups["pct"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out percent))
        {
            return false;
        }

        step = match.Groups["step"].Value.Trim();
        percent = Math.Clamp(percent, 0, 100);
        return step.Length > 0;
    }

    public static string StripAnsi(string text) => text.Contains('\u001b', StringComparison.Ordinal) ? Ansi().Replace(text, string.Empty) : text;

    [GeneratedRegex(@"^\s*(?<step>\S.*?)\s+<[-\\|/.>]*>?\s+(?<pct>\d{1,3}(?:\.\d+)?)\s*%\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Bar();

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex Ansi();
}
