using System.Globalization;

namespace SegRestore.BrSim.Logging;

/// <summary>One `[key=value]` field of a pingcap/log line.</summary>
public readonly record struct LogField(string Key, string Value)
{
    public static LogField Of(string key, string value) => new(key, value);
    public static LogField Of(string key, ulong value) => new(key, value.ToString(CultureInfo.InvariantCulture));
    public static LogField Of(string key, long value) => new(key, value.ToString(CultureInfo.InvariantCulture));
    public static LogField Of(string key, bool value) => new(key, value ? "true" : "false");

    /// <summary>zap.Duration: Go's time.Duration String(), e.g. 1.234s or 512ms.</summary>
    public static LogField Duration(string key, TimeSpan value) => new(key, GoFormat.Duration(value));
}
