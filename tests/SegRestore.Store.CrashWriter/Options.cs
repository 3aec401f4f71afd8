using System.Globalization;

namespace SegRestore.Store.CrashWriter;

/// <summary>`--name value` pairs after the command word; a missing or malformed value is a clear error.</summary>
public sealed class Options(IReadOnlyDictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{list[i]}': options are written --name value.");
            }

            var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[list[i][2..]] = hasValue ? list[++i] : "true";
        }

        return new Options(values);
    }

    public string Text(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"Option --{name} is required.");

    public long Number(string name, long? fallback = null)
    {
        if (!values.TryGetValue(name, out var value))
        {
            return fallback ?? throw new ArgumentException($"Option --{name} is required.");
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"Option --{name} '{value}' is not a whole number.");
    }

    public bool Flag(string name) => values.ContainsKey(name);
}
