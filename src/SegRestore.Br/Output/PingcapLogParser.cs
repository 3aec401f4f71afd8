using System.Globalization;
using System.Text;

namespace SegRestore.Br.Output;

/// <summary>
/// Parses pingcap/log's text format (TiKV's unified log format): bracketed header, message, and fields whose keys and
/// values are bare or double-quoted with Go escapes; bare values may nest brackets (zap arrays). Never throws.
/// </summary>
public static class PingcapLogParser
{
    private static readonly string[] TimeFormats = ["yyyy/MM/dd HH:mm:ss.fff zzz", "yyyy/MM/dd HH:mm:ss zzz"];

    public static LogParseStatus TryParse(string text, out BrLogRecord? record)
    {
        record = null;
        var cursor = new PingcapLogCursor(text ?? string.Empty);
        DateTimeOffset? time = null;
        string? level = null;
        string? source = null;
        cursor.SkipDecoration();
        if (!cursor.AtQuotedBracket())
        {
            var header = ParseHeader(ref cursor, out time, out level, out source);
            if (header != LogParseStatus.Record)
            {
                return header;
            }
        }

        var message = ParseBracketValue(ref cursor, out var messageText);
        if (message != LogParseStatus.Record)
        {
            return message;
        }

        var fields = new List<KeyValuePair<string, string>>();
        while (true)
        {
            cursor.SkipDecoration();
            if (cursor.AtEnd)
            {
                break;
            }

            var field = ParseField(ref cursor, out var key, out var value);
            if (field != LogParseStatus.Record)
            {
                return field;
            }

            fields.Add(new KeyValuePair<string, string>(key, value));
        }

        record = new BrLogRecord(time, level, source, messageText, fields, cursor.Text);
        return LogParseStatus.Record;
    }

    /// <summary>True when a line opens a new header record (`[yyyy/` ...), which ends any open multi-line value.</summary>
    public static bool LooksLikeRecordStart(string line) =>
        line.Length >= 12 && line[0] == '[' && char.IsAsciiDigit(line[1]) && char.IsAsciiDigit(line[2])
        && char.IsAsciiDigit(line[3]) && char.IsAsciiDigit(line[4]) && line[5] == '/';

    private static LogParseStatus ParseHeader(ref PingcapLogCursor cursor, out DateTimeOffset? time, out string? level, out string? source)
    {
        time = null;
        level = null;
        source = null;
        if (!cursor.TryReadBareBracket(out var timeText) || !DateTimeOffset.TryParseExact(
                timeText, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return LogParseStatus.NotARecord;
        }

        time = parsed;
        cursor.SkipSpaces();
        if (!cursor.TryReadBareBracket(out var levelText) || levelText.Length == 0 || !levelText.All(char.IsAsciiLetterUpper))
        {
            return LogParseStatus.NotARecord;
        }

        level = levelText;
        cursor.SkipSpaces();
        if (!cursor.TryReadBareBracket(out var sourceText))
        {
            return LogParseStatus.NotARecord;
        }

        source = sourceText;
        cursor.SkipSpaces();
        return cursor.AtEnd ? LogParseStatus.NotARecord : LogParseStatus.Record;
    }

    private static LogParseStatus ParseBracketValue(ref PingcapLogCursor cursor, out string value)
    {
        value = string.Empty;
        if (!cursor.TryConsume('['))
        {
            return LogParseStatus.NotARecord;
        }

        var status = cursor.Peek == '"' ? cursor.ReadQuoted(out value) : cursor.ReadBare(']', out value);
        if (status != LogParseStatus.Record)
        {
            return status;
        }

        return cursor.TryConsume(']') ? LogParseStatus.Record : cursor.AtEnd ? LogParseStatus.Incomplete : LogParseStatus.NotARecord;
    }

    private static LogParseStatus ParseField(ref PingcapLogCursor cursor, out string key, out string value)
    {
        key = string.Empty;
        value = string.Empty;
        if (!cursor.TryConsume('['))
        {
            return LogParseStatus.NotARecord;
        }

        var status = cursor.Peek == '"' ? cursor.ReadQuoted(out key) : cursor.ReadKey(out key);
        if (status != LogParseStatus.Record)
        {
            return status;
        }

        if (!cursor.TryConsume('='))
        {
            return cursor.AtEnd ? LogParseStatus.Incomplete : LogParseStatus.NotARecord;
        }

        status = cursor.Peek == '"' ? cursor.ReadQuoted(out value) : cursor.ReadBare(']', out value);
        if (status != LogParseStatus.Record)
        {
            return status;
        }

        return cursor.TryConsume(']') ? LogParseStatus.Record : cursor.AtEnd ? LogParseStatus.Incomplete : LogParseStatus.NotARecord;
    }
}
