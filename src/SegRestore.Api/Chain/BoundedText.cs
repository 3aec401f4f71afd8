using System.Globalization;

namespace SegRestore.Api.Chain;

/// <summary>Shortens text that echoes user input by cutting out its middle, never inside a surrogate pair.</summary>
public static class BoundedText
{
    /// <summary>How much of one value a message echoes when it quotes the value inside a longer sentence.</summary>
    public const int EchoLength = 64;

    /// <summary>A value as a message quotes it: at most <see cref="EchoLength"/> characters.</summary>
    public static string Echo(string text) => Elide(text, EchoLength);

    public static string Elide(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 64);
        if (text.Length <= maxLength)
        {
            return text;
        }

        // The marker's digits are bounded by the length of the text, so reserve for the largest.
        var reserve = " ...[ characters elided]... ".Length + text.Length.ToString(CultureInfo.InvariantCulture).Length;
        var keep = (maxLength - reserve) / 2;
        var head = keep;
        if (char.IsHighSurrogate(text[head - 1]))
        {
            head--;
        }

        var tail = text.Length - keep;
        if (char.IsLowSurrogate(text[tail]))
        {
            tail++;
        }

        var elided = (tail - head).ToString(CultureInfo.InvariantCulture);
        return $"{text[..head]} ...[{elided} characters elided]... {text[tail..]}";
    }
}
