using System.Collections.Concurrent;
using System.Text;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// Secret values a security test plants (storage keys, the reporter's TLS key) or harvests (attempt tokens from the
/// operator's token Secrets), and a scan of text for any of them, raw or base64-encoded.
/// </summary>
public sealed class PlantedSecrets
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>A value unlikely to occur by chance: a recognisable prefix and 20 random hex digits.</summary>
    public static string NewValue(string prefix) => prefix + Convert.ToHexString(Guid.NewGuid().ToByteArray())[..20];

    public void Add(string what, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _values.TryAdd(value, what);
    }

    /// <summary>A PEM private key: any 32-character run of its base64 body identifies it.</summary>
    public void AddPemKey(string what, string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var body = string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)));
        Add(what, body.Length > 40 ? body[4..36] : body);
    }

    /// <summary>Where a planted value occurs in <paramref name="text"/> (raw or base64), as "what in source".</summary>
    public IEnumerable<string> FindIn(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (value, what) in _values)
        {
            if (text.Contains(value, StringComparison.Ordinal) || text.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes(value)), StringComparison.Ordinal))
            {
                yield return $"{what} in {source}";
            }
        }
    }
}
