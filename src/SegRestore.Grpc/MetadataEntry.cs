using System.Text;

namespace SegRestore.Grpc;

/// <summary>
/// One metadata header. Keys ending in <c>-bin</c> carry bytes (base64 on the wire); all others carry printable
/// ASCII text.
/// </summary>
public sealed class MetadataEntry
{
    private readonly string? _value;
    private readonly byte[]? _valueBytes;

    public MetadataEntry(string key, string value)
    {
        Key = MetadataKeys.Normalize(key);
        if (MetadataKeys.IsBinary(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' ends in '-bin' and needs a byte[] value.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException(
                    $"Metadata value of '{Key}' contains a character outside printable ASCII (U+{(int)c:X4}); " +
                    "use a key ending in '-bin' for binary or non-ASCII values.", nameof(value));
            }
        }

        _value = value;
    }

    public MetadataEntry(string key, byte[] valueBytes)
    {
        Key = MetadataKeys.Normalize(key);
        if (!MetadataKeys.IsBinary(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' must end in '-bin' to carry a byte[] value.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(valueBytes);
        _valueBytes = valueBytes;
    }

    /// <summary>The lower-case header name.</summary>
    public string Key { get; }

    public bool IsBinary => _valueBytes is not null;

    /// <summary>The text value; for a binary entry, its bytes read as UTF-8.</summary>
    public string Value => _value ?? Encoding.UTF8.GetString(_valueBytes!);

    /// <summary>The byte value; for a text entry, its ASCII bytes.</summary>
#pragma warning disable CA1819 // Mirrors Grpc.Core's Metadata.Entry.ValueBytes.
    public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);
#pragma warning restore CA1819

    public override string ToString() => IsBinary ? $"{Key}: <{_valueBytes!.Length} bytes>" : $"{Key}: {_value}";
}
