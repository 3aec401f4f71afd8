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
        var cursor = new Cursor(text ?? string.Empty);
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

    private static LogParseStatus ParseHeader(ref Cursor cursor, out DateTimeOffset? time, out string? level, out string? source)
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

    private static LogParseStatus ParseBracketValue(ref Cursor cursor, out string value)
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

    private static LogParseStatus ParseField(ref Cursor cursor, out string key, out string value)
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

    /// <summary>A forward-only reader over the record text.</summary>
    private struct Cursor(string text)
    {
        private int _position;

        public readonly string Text => text;

        public readonly bool AtEnd => _position >= text.Length;

        public readonly char Peek => AtEnd ? '\0' : text[_position];

        public readonly bool AtQuotedBracket() =>
            _position + 1 < text.Length && text[_position] == '[' && text[_position + 1] == '"';

        public bool TryConsume(char c)
        {
            if (Peek != c || AtEnd)
            {
                return false;
            }

            _position++;
            return true;
        }

        public void SkipSpaces()
        {
            while (!AtEnd && text[_position] is ' ' or '\t')
            {
                _position++;
            }
        }

        /// <summary>Skips spaces and the `***` decoration BR prints around summaries on a terminal.</summary>
        public void SkipDecoration()
        {
            while (!AtEnd && text[_position] is ' ' or '\t' or '*' or '\n' or '\r')
            {
                _position++;
            }
        }

        public bool TryReadBareBracket(out string value)
        {
            value = string.Empty;
            if (!TryConsume('['))
            {
                return false;
            }

            var end = text.IndexOf(']', _position);
            if (end < 0)
            {
                return false;
            }

            value = text[_position..end];
            _position = end + 1;
            return true;
        }

        public LogParseStatus ReadKey(out string key)
        {
            var start = _position;
            while (!AtEnd && text[_position] is not ('=' or ']' or '['))
            {
                _position++;
            }

            key = text[start.._position];
            return AtEnd ? LogParseStatus.Incomplete : key.Length == 0 ? LogParseStatus.NotARecord : LogParseStatus.Record;
        }

        /// <summary>A bare value up to the closing bracket, with nested brackets/braces and quoted parts kept whole.</summary>
        public LogParseStatus ReadBare(char terminator, out string value)
        {
            var start = _position;
            var depth = 0;
            var inQuote = false;
            for (; !AtEnd; _position++)
            {
                var c = text[_position];
                if (inQuote)
                {
                    if (c == '\\')
                    {
                        _position++;
                    }
                    else if (c == '"')
                    {
                        inQuote = false;
                    }

                    continue;
                }

                if (c == '"')
                {
                    inQuote = true;
                }
                else if (c is '[' or '{')
                {
                    depth++;
                }
                else if (c is ']' or '}')
                {
                    if (depth == 0 && c == terminator)
                    {
                        break;
                    }

                    depth = Math.Max(0, depth - 1);
                }
            }

            value = text[start..Math.Min(_position, text.Length)];
            return AtEnd ? LogParseStatus.Incomplete : LogParseStatus.Record;
        }

        /// <summary>A double-quoted string with Go/zap escapes (\" \\ \n \r \t \uXXXX).</summary>
        public LogParseStatus ReadQuoted(out string value)
        {
            value = string.Empty;
            _position++;
            var builder = new StringBuilder();
            while (!AtEnd)
            {
                var c = text[_position++];
                if (c == '"')
                {
                    value = builder.ToString();
                    return LogParseStatus.Record;
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    break;
                }

                AppendEscape(builder, text[_position++]);
            }

            return LogParseStatus.Incomplete;
        }

        private void AppendEscape(StringBuilder builder, char escaped)
        {
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case '"' or '\\' or '/': builder.Append(escaped); break;
                case 'u' when _position + 4 <= text.Length
                              && ushort.TryParse(text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default: builder.Append('\\').Append(escaped); break;
            }
        }
    }
}
