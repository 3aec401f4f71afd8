using System.Text;
using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>A path to one field of an object, as structured-merge-diff names it: elements in the <c>fieldsV1</c>
/// encoding (<c>f:name</c> for a field, <c>k:{"name":"c"}</c> for a list-map item, <c>v:"x"</c> for a set item).
/// <see cref="ToString"/> is the form conflict messages use (<c>.spec.containers[name="c"].image</c>).</summary>
public sealed class FieldPath : IEquatable<FieldPath>, IComparable<FieldPath>
{
    private readonly string[] _elements;

    public FieldPath(IEnumerable<string> elements) => _elements = [.. elements];

    public static FieldPath Root { get; } = new([]);

    public IReadOnlyList<string> Elements => _elements;

    public int Length => _elements.Length;

    public FieldPath Field(string name) => Append("f:" + name);

    /// <summary>A list-map item by its key fields, serialized with the keys sorted as structured-merge-diff does.</summary>
    public FieldPath Key(IEnumerable<(string Name, JsonNode? Value)> keys)
    {
        var ordered = new JsonObject();
        foreach (var (name, value) in keys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            ordered[name] = value?.DeepClone();
        }

        return Append("k:" + ordered.ToJsonString());
    }

    public FieldPath Value(JsonNode? value) => Append("v:" + (value?.ToJsonString() ?? "null"));

    public FieldPath Append(string element) => new([.. _elements, element]);

    /// <summary>True when this path is <paramref name="prefix"/> or lies under it.</summary>
    public bool StartsWith(FieldPath prefix) =>
        prefix._elements.Length <= _elements.Length && prefix._elements.AsSpan().SequenceEqual(_elements.AsSpan(0, prefix._elements.Length));

    public bool Equals(FieldPath? other) => other is not null && _elements.AsSpan().SequenceEqual(other._elements);

    public override bool Equals(object? obj) => obj is FieldPath other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var element in _elements)
        {
            hash.Add(element, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public int CompareTo(FieldPath? other)
    {
        if (other is null)
        {
            return 1;
        }

        for (var i = 0; i < Math.Min(_elements.Length, other._elements.Length); i++)
        {
            var order = string.CompareOrdinal(_elements[i], other._elements[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return _elements.Length.CompareTo(other._elements.Length);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var element in _elements)
        {
            text.Append(Describe(element));
        }

        return text.ToString();
    }

    /// <summary>One element as structured-merge-diff prints it: <c>.name</c>, <c>[name="c",port=80]</c>, <c>[="x"]</c>.</summary>
    private static string Describe(string element)
    {
        var body = element[2..];
        switch (element[..2])
        {
            case "f:":
                return "." + body;
            case "k:":
                var keys = JsonNode.Parse(body) as JsonObject ?? [];
                return "[" + string.Join(",", keys.Select(k => $"{k.Key}={k.Value?.ToJsonString() ?? "null"}")) + "]";
            case "v:":
                return "[=" + body + "]";
            case "i:":
                return "[" + body + "]";
            default:
                return element;
        }
    }

    public static bool operator ==(FieldPath? left, FieldPath? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(FieldPath? left, FieldPath? right) => !(left == right);

    public static bool operator <(FieldPath left, FieldPath right) => left.CompareTo(right) < 0;

    public static bool operator >(FieldPath left, FieldPath right) => left.CompareTo(right) > 0;

    public static bool operator <=(FieldPath left, FieldPath right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FieldPath left, FieldPath right) => left.CompareTo(right) >= 0;
}
