using System.Collections;

namespace SegRestore.Grpc;

/// <summary>
/// Ordered, multi-valued metadata (HTTP/2 headers or trailers), shaped like Grpc.Core's <c>Metadata</c>.
/// </summary>
public sealed class Metadata : IList<MetadataEntry>
{
    private readonly List<MetadataEntry> _entries = [];

    public int Count => _entries.Count;

    public bool IsReadOnly => false;

    public MetadataEntry this[int index]
    {
        get => _entries[index];
        set => _entries[index] = value;
    }

    public void Add(string key, string value) => _entries.Add(new MetadataEntry(key, value));

    public void Add(string key, byte[] valueBytes) => _entries.Add(new MetadataEntry(key, valueBytes));

    public void Add(MetadataEntry item) => _entries.Add(item);

    /// <summary>The last entry with this key, or null.</summary>
    public MetadataEntry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    public IEnumerable<MetadataEntry> GetAll(string key) =>
        _entries.Where(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    public string? GetValue(string key) => Get(key)?.Value;

    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public void Clear() => _entries.Clear();

    public bool Contains(MetadataEntry item) => _entries.Contains(item);

    public void CopyTo(MetadataEntry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public IEnumerator<MetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    public int IndexOf(MetadataEntry item) => _entries.IndexOf(item);

    public void Insert(int index, MetadataEntry item) => _entries.Insert(index, item);

    public bool Remove(MetadataEntry item) => _entries.Remove(item);

    public void RemoveAt(int index) => _entries.RemoveAt(index);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
