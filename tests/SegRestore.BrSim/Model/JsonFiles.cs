using System.Text.Json;
using System.Text.Json.Serialization;

namespace SegRestore.BrSim.Model;

/// <summary>Reads and writes the world's JSON files; writes go through a temp file and a rename so a kill never tears one.</summary>
public static class JsonFiles
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static T Read<T>(string path)
    {
        var value = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options);
        return value ?? throw new InvalidDataException($"{path} holds no {typeof(T).Name}");
    }

    public static T? ReadOrDefault<T>(string path) where T : class =>
        File.Exists(path) ? Read<T>(path) : null;

    public static void Write<T>(string path, T value) => WriteBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, Options));

    /// <summary>As BR's local storage writes (WriteFile): a sibling <c>&lt;name&gt;.tmp.&lt;uuid&gt;</c>, then a rename, so a
    /// kill leaves the old file or the new one, and at worst a temp file beside them.</summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp." + Guid.NewGuid().ToString("D");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
