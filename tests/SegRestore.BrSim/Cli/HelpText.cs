using System.Text;

namespace SegRestore.BrSim.Cli;

/// <summary>cobra's help layout: description, Usage, Flags, Global Flags.</summary>
public static class HelpText
{
    public static string Render(string description, string usage, IReadOnlyList<FlagSpec> local, IReadOnlyList<FlagSpec> global)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(global);
        var text = new StringBuilder();
        text.Append(description).Append("\n\nUsage:\n  ").Append(usage).Append("\n\nFlags:\n");
        AppendFlags(text, [.. local, new FlagSpec("help", 'h', true, "help for " + usage.Split(' ')[^2])]);
        text.Append("\nGlobal Flags:\n");
        AppendFlags(text, global);
        return text.ToString();
    }

    private static void AppendFlags(StringBuilder text, IReadOnlyList<FlagSpec> flags)
    {
        var heads = flags.Select(f =>
            (f.Shorthand is { } s ? $"  -{s}, " : "      ") + "--" + f.Name + (f.IsBool ? "" : " string")).ToList();
        var width = heads.Max(h => h.Length) + 3;
        for (var i = 0; i < flags.Count; i++)
        {
            var usage = flags[i].Usage.Replace("\n", "\n" + new string(' ', width), StringComparison.Ordinal);
            var defaultText = flags[i].DefaultText.Length > 0 && flags[i].DefaultText != "false"
                ? $" (default {(flags[i].IsBool || flags[i].DefaultText.StartsWith('[') ? flags[i].DefaultText : "\"" + flags[i].DefaultText + "\"")})"
                : "";
            text.Append(heads[i].PadRight(width)).Append(usage).Append(defaultText).Append('\n');
        }
    }
}
