namespace SegRestore.Operator.Controller;

/// <summary>The <c>segrestore.io/token-sha256</c> annotation's value: 64 hex digits, anything else is ignored.</summary>
public static class TokenHash
{
    public static bool TryParse(string? hex, out byte[] hash)
    {
        hash = [];
        if (hex is not { Length: 64 } || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = Convert.FromHexString(hex);
        return true;
    }
}
