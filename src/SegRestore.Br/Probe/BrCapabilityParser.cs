using System.Text.RegularExpressions;

namespace SegRestore.Br.Probe;

/// <summary>Pure parsing of `br --version` and `br restore point --help` (cobra's help layout).</summary>
public static partial class BrCapabilityParser
{
    public static BrCapabilities Parse(string versionOutput, string helpOutput)
    {
        var flags = ParseFlagNames(helpOutput);
        var dialect = flags.Contains(BrFlags.LastSegment) ? BrDialect.LastSegment
            : flags.Contains(BrFlags.Last) ? BrDialect.Last
            : BrDialect.None;
        return new BrCapabilities(dialect, flags.Contains(BrFlags.CheckpointStorage), ParseVersion(versionOutput));
    }

    /// <summary>
    /// Long flag names declared in cobra's "Flags:" and "Global Flags:" sections. A declaration is indented by at most
    /// 8 columns, then an optional "-x, " shorthand, then "--name"; description continuation lines are indented to the
    /// description column, so flags mentioned there are not declarations.
    /// </summary>
    public static IReadOnlySet<string> ParseFlagNames(string helpOutput)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in (helpOutput ?? string.Empty).Split('\n'))
        {
            var match = FlagDeclaration().Match(line);
            if (match.Success)
            {
                names.Add(match.Groups["name"].Value);
            }
        }

        return names;
    }

    public static BrVersionInfo ParseVersion(string versionOutput)
    {
        var text = versionOutput ?? string.Empty;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            values.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        return new BrVersionInfo(
            Get(values, "Release Version"),
            Get(values, "Git Commit Hash"),
            Get(values, "Git Branch"),
            Get(values, "Go Version"),
            Get(values, "UTC Build Time"),
            text.Trim());
    }

    private static string? Get(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    [GeneratedRegex(@"^[ \t]{1,8}(?:-[A-Za-z0-9], )?--(?<name>[A-Za-z0-9][A-Za-z0-9._\-]*)(?=[\s=]|$)")]
    private static partial Regex FlagDeclaration();
}
