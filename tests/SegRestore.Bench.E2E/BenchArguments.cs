using System.Globalization;

namespace SegRestore.Bench.E2E;

/// <summary><c>--scenario overhead|handoff|scale --output FILE [--name value]...</c>; unknown names are refused.</summary>
public sealed class BenchArguments
{
    private static readonly string[] Known =
        ["scenario", "output", "repetitions", "segment-seconds", "chains", "segments", "parallel", "timeout-minutes", "r2r-worker"];

    private readonly Dictionary<string, string> _values;

    private BenchArguments(Dictionary<string, string> values) => _values = values;

    public string Scenario => _values.TryGetValue("scenario", out var s) ? s
        : throw new ArgumentException("--scenario is required: overhead, handoff or scale");

    public string Output => _values.TryGetValue("output", out var o) ? o
        : throw new ArgumentException("--output FILE is required (the Markdown section this run writes)");

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is null || !Known.Contains(name) || i + 1 >= args.Count)
            {
                throw new ArgumentException(
                    $"unexpected argument '{args[i]}': use --{string.Join(" VALUE, --", Known)} VALUE");
            }

            values[name] = args[++i];
        }

        return new BenchArguments(values);
    }

    public int WholeNumber(string name, int fallback) => _values.TryGetValue(name, out var v)
        ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new ArgumentException($"--{name} '{v}' is not a positive whole number")
        : fallback;

    public double Number(string name, double fallback) => _values.TryGetValue(name, out var v)
        ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 ? d
            : throw new ArgumentException($"--{name} '{v}' is not a positive number")
        : fallback;

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var v) ? v : fallback;
}
