namespace SegRestore.Worker.Config;

/// <summary>Pure lookups in BR's prepared argv (both `--flag value` and `--flag=value` spellings).</summary>
public static class BrArgv
{
    public static string? Value(IReadOnlyList<string> argv, string flag)
    {
        ArgumentNullException.ThrowIfNull(argv);
        for (var i = 0; i < argv.Count; i++)
        {
            if (argv[i] == flag && i + 1 < argv.Count)
            {
                return argv[i + 1];
            }

            if (argv[i].StartsWith(flag + "=", StringComparison.Ordinal))
            {
                return argv[i][(flag.Length + 1)..];
            }
        }

        return null;
    }

    public static ulong? Tso(IReadOnlyList<string> argv, string flag) =>
        ulong.TryParse(Value(argv, flag), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>The log storage URL: `-s` or `--storage`.</summary>
    public static string? LogStorage(IReadOnlyList<string> argv) => Value(argv, "-s") ?? Value(argv, "--storage");
}
