using System.Globalization;

namespace SegRestore.Api.Flags;

/// <summary>
/// Finds characters that must never reach BR's argv or environment: exec truncates a value at NUL, newlines and other
/// C0/C1 controls split BR's log lines and the worker's parsing of them, and bidirectional controls make a value read
/// differently from what BR receives (a filter shown as <c>db.users</c> can be <c>db.sresu</c>). Pure.
/// </summary>
public static class ArgumentText
{
    /// <summary>
    /// The index of the first forbidden UTF-16 unit in <paramref name="text"/>, or -1. Forbidden: <see cref="char.IsControl(char)"/>
    /// (U+0000..U+001F, U+007F..U+009F), the bidi controls U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069,
    /// the line and paragraph separators U+2028/U+2029, U+FEFF, and a surrogate that is not half of a pair.
    /// </summary>
    public static int FindControl(string? text)
    {
        if (text is null)
        {
            return -1;
        }

        for (var index = 0; index < text.Length; index++)
        {
            var unit = text[index];
            if (char.IsHighSurrogate(unit) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }

            if (IsForbidden(unit))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>Whether one UTF-16 unit is forbidden on its own (a surrogate is, unless paired; see <see cref="FindControl"/>).</summary>
    public static bool IsForbidden(char unit) =>
        char.IsControl(unit) || char.IsSurrogate(unit) || unit is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
            || unit is >= '\u202A' and <= '\u202E' || unit is >= '\u2066' and <= '\u2069';

    /// <summary>
    /// "<c>{field} has the control character U+202E (RIGHT-TO-LEFT OVERRIDE) at character 4; ...</c>" or null when the
    /// text is clean. The character itself is never echoed, nor the value (it may be a URL with a credential in it).
    /// </summary>
    public static string? Problem(string field, string? text)
    {
        ArgumentNullException.ThrowIfNull(field);
        var index = FindControl(text);
        return index < 0 ? null : Describe(field, text![index], index);
    }

    /// <summary>
    /// Like <see cref="Problem"/> for a storage URL, checked once more after percent-decoding: BR decodes a URL's path
    /// and query, so <c>%00</c> in a prefix reaches BR as NUL.
    /// </summary>
    public static string? ProblemInUrl(string field, string? url)
    {
        var raw = Problem(field, url);
        if (raw is not null || url is null)
        {
            return raw;
        }

        var decoded = Uri.UnescapeDataString(url);
        var index = FindControl(decoded);
        return index < 0 ? null : Describe(field, decoded[index], index, " once percent-decoded (BR decodes the URL)");
    }

    /// <summary>The message for the forbidden unit <paramref name="unit"/> at <paramref name="index"/> (0-based) of <paramref name="field"/>.</summary>
    public static string Describe(string field, char unit, int index, string where = "")
    {
        ArgumentNullException.ThrowIfNull(field);
        var name = NameOf(unit);
        return $"{field} has the control character {CodePoint(unit)}{(name.Length > 0 ? $" ({name})" : "")} at character " +
            $"{(index + 1).ToString(CultureInfo.InvariantCulture)}{where}; control, bidirectional-override and unpaired " +
            "surrogate characters would reach BR cut off or reordered: delete it and write the value in plain text " +
            "(YAML escapes such as \\t, \\0 or \\u202E in a double-quoted string produce such characters)";
    }

    /// <summary><c>U+XXXX</c> with at least four upper-case hex digits.</summary>
    public static string CodePoint(char unit) => "U+" + ((int)unit).ToString("X4", CultureInfo.InvariantCulture);

    private static string NameOf(char unit) => unit switch
    {
        '\0' => "NUL",
        '\t' => "TAB",
        '\n' => "LINE FEED",
        '\r' => "CARRIAGE RETURN",
        '\u061C' => "ARABIC LETTER MARK",
        '\u200E' => "LEFT-TO-RIGHT MARK",
        '\u200F' => "RIGHT-TO-LEFT MARK",
        '\u202A' => "LEFT-TO-RIGHT EMBEDDING",
        '\u202B' => "RIGHT-TO-LEFT EMBEDDING",
        '\u202C' => "POP DIRECTIONAL FORMATTING",
        '\u202D' => "LEFT-TO-RIGHT OVERRIDE",
        '\u202E' => "RIGHT-TO-LEFT OVERRIDE",
        '\u2066' => "LEFT-TO-RIGHT ISOLATE",
        '\u2067' => "RIGHT-TO-LEFT ISOLATE",
        '\u2068' => "FIRST STRONG ISOLATE",
        '\u2069' => "POP DIRECTIONAL ISOLATE",
        '\u2028' => "LINE SEPARATOR",
        '\u2029' => "PARAGRAPH SEPARATOR",
        '\uFEFF' => "ZERO WIDTH NO-BREAK SPACE",
        _ when char.IsSurrogate(unit) => "unpaired surrogate",
        _ => "",
    };
}
