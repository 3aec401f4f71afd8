namespace SegRestore.LocalCluster.Kubelet;

/// <summary><c>*</c> (any run of characters) and <c>?</c> (one character) matching, whole string.</summary>
public static class Glob
{
    public static bool IsMatch(string pattern, string text) => Match(pattern, 0, text, 0);

    private static bool Match(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                for (var skip = t; skip <= text.Length; skip++)
                {
                    if (Match(pattern, p + 1, text, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length || (pattern[p] != '?' && pattern[p] != text[t]))
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }
}
