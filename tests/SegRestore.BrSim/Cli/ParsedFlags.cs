using System.Globalization;

namespace SegRestore.BrSim.Cli;

/// <summary>Flags as given on the command line (last value wins, like pflag for scalars).</summary>
public sealed class ParsedFlags
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public bool Help { get; set; }

    public void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            list = [];
            _values[name] = list;
        }

        list.Add(value);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Get(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public bool GetBool(string name, bool whenOmitted) =>
        Get(name) is { } text ? bool.Parse(text) : whenOmitted;

    public int GetInt(string name, int whenOmitted) =>
        Get(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : whenOmitted;
}
