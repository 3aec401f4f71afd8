using System.Globalization;

namespace SegRestore.BrSim.Faults;

/// <summary>A step and a percentage of it (`log:50`), optionally how many times the fault fires (`log:50:2`).</summary>
public sealed record FaultPoint(string Step, double Percent, int Times)
{
    /// <summary>Step aliases: full, meta, log, repair, or BR's own step names.</summary>
    public static string NormalizeStep(string step) => step.Trim().ToLowerInvariant() switch
    {
        "full" or "snapshot" or "full restore" => "full",
        "meta" or "restore meta files" => "meta",
        "log" or "kv" or "restore files(sst + log)" => "log",
        "repair" => "repair",
        var other => other.StartsWith("repair ingest index", StringComparison.Ordinal) ? "repair" : other,
    };

    /// <summary>Parses `step:percent[:times]`; a bare number N means "at the start, N times".</summary>
    public static FaultPoint? Parse(string? text, string variable)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(':');
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return new FaultPoint("start", 0, count);
        }

        if (parts.Length is < 2 or > 3
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
            || percent is < 0 or > 100)
        {
            throw new ArgumentException(
                $"{variable}='{text}' is not <step>:<percent>[:<times>] (step full|meta|log|repair, percent 0-100), e.g. log:50");
        }

        var times = 1;
        if (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out times))
        {
            throw new ArgumentException($"{variable}='{text}': times '{parts[2]}' is not a whole number");
        }

        return new FaultPoint(NormalizeStep(parts[0]), percent, times);
    }

    public string CounterKey(string kind) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{Step}:{Percent}");
}
