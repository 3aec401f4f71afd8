using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SegRestore.Store.Hosting;

/// <summary>Reads <see cref="ChainLedgerOptions"/> from a configuration section by hand, so that a number or a
/// duration that does not parse is reported with its key and an example of the right form.</summary>
public static class ChainLedgerOptionsReader
{
    public static ChainLedgerOptions Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var prefix = section is IConfigurationSection named ? named.Path : ChainLedgerOptions.SectionName;
        var problems = new List<string>();
        var options = new ChainLedgerOptions
        {
            Store = Text(section, nameof(ChainLedgerOptions.Store)),
            ConnectionString = Text(section, nameof(ChainLedgerOptions.ConnectionString)),
            Schema = Text(section, nameof(ChainLedgerOptions.Schema)),
            Namespace = Text(section, nameof(ChainLedgerOptions.Namespace)),
            SizeLimitBytes = Bytes(section, prefix, nameof(ChainLedgerOptions.SizeLimitBytes), problems),
            Retention = Duration(section, prefix, nameof(ChainLedgerOptions.Retention), problems),
            OrphanGrace = Duration(section, prefix, nameof(ChainLedgerOptions.OrphanGrace), problems),
        };
        return problems.Count == 0 ? options : throw new LedgerConfigurationException(problems);
    }

    private static string? Text(IConfiguration section, string key) => section[key] is { Length: > 0 } value ? value.Trim() : null;

    private static long? Bytes(IConfiguration section, string prefix, string key, List<string> problems)
    {
        var value = Text(section, key);
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
        {
            return bytes;
        }

        problems.Add($"{prefix}:{key} is '{value}', not a whole number of bytes; write e.g. 268435456 for 256 MiB.");
        return null;
    }

    private static TimeSpan? Duration(IConfiguration section, string prefix, string key, List<string> problems)
    {
        var value = Text(section, key);
        if (value is null)
        {
            return null;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration))
        {
            return duration;
        }

        problems.Add($"{prefix}:{key} is '{value}', not a duration; write [d.]hh:mm:ss, e.g. 7.00:00:00 for 7 days or 01:00:00 for 1 hour.");
        return null;
    }
}
