using System.Globalization;
using System.Text;

namespace SegRestore.Br.Output;

/// <summary>A forward-only reader over the record text.</summary>
internal struct PingcapLogCursor(string text)
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
