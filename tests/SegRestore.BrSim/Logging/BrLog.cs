using System.Globalization;
using System.Text;

namespace SegRestore.BrSim.Logging;

/// <summary>
/// Writes pingcap/log lines the way BR does:
/// <c>[2026/01/22 00:39:25.123 +00:00] [INFO] [stream.go:1234] ["message"] [key=value] [key="quoted value"]</c>.
/// Like BR, the console (stdout) gets what BR shows a user (summaries, progress, warnings, errors) and the detail log
/// (--log-file; BR's default temp file is not emulated) gets every line.
/// </summary>
public sealed class BrLog(TextWriter output, TextWriter? file, TimeProvider clock)
{
    public void Info(string source, string message, params LogField[] fields) => Write("INFO", source, message, fields, toConsole: true);
    public void Warn(string source, string message, params LogField[] fields) => Write("WARN", source, message, fields, toConsole: true);
    public void Error(string source, string message, params LogField[] fields) => Write("ERROR", source, message, fields, toConsole: true);

    /// <summary>A line only the detail log gets.</summary>
    public void Detail(string source, string message, params LogField[] fields) => Write("INFO", source, message, fields, toConsole: false);

    /// <summary>Plain console text BR prints outside the logger (e.g. "Full Restore is skipped ...").</summary>
    public void Console(string text)
    {
        output.WriteLine(text);
        output.Flush();
    }

    /// <summary>Console text without a line end (an mpb frame that the next frame erases).</summary>
    public void ConsoleRaw(string text)
    {
        output.Write(text);
        output.Flush();
    }

    public void Write(string level, string source, string message, IReadOnlyList<LogField> fields, bool toConsole)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var line = new StringBuilder();
        var now = clock.GetUtcNow();
        line.Append('[').Append(now.ToString("yyyy/MM/dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append(" +00:00] ");
        // pingcap/log quotes the message and each key only when it needs quotes: `[progress]`, `["br failed"]`.
        line.Append('[').Append(level).Append("] [").Append(source).Append("] [");
        AppendValue(line, message);
        line.Append(']');
        foreach (var field in fields)
        {
            line.Append(" [");
            AppendValue(line, field.Key);
            line.Append('=');
            AppendValue(line, field.Value);
            line.Append(']');
        }

        var text = line.ToString();
        if (toConsole)
        {
            output.WriteLine(text);
            output.Flush();
        }

        file?.WriteLine(text);
        file?.Flush();
    }

    /// <summary>pingcap/log quotes a value holding spaces, control characters, '=', '"', '[' or ']', or nothing at all.</summary>
    public static bool NeedsQuotes(string value) =>
        value.Length == 0 || value.Any(c => c <= ' ' || c is '=' or '"' or '[' or ']' || c > '~');

    private static void AppendValue(StringBuilder line, string value)
    {
        if (NeedsQuotes(value))
        {
            AppendQuoted(line, value);
        }
        else
        {
            line.Append(value);
        }
    }

    private static void AppendQuoted(StringBuilder line, string value)
    {
        line.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': line.Append("\\\""); break;
                case '\\': line.Append("\\\\"); break;
                case '\n': line.Append("\\n"); break;
                case '\t': line.Append("\\t"); break;
                case '\r': line.Append("\\r"); break;
                default: line.Append(c); break;
            }
        }

        line.Append('"');
    }
}
