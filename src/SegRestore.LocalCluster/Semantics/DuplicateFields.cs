using System.Text;
using System.Text.Json;

namespace SegRestore.LocalCluster.Semantics;

/// <summary>Finds keys that occur twice in one JSON object of a request body (pure). A JSON parser keeps the last
/// one silently; the API server's strict decoder reports each as <c>duplicate field "spec.replicas"</c>.</summary>
public static class DuplicateFields
{
    /// <summary>The paths of the repeated keys, in document order (<c>spec.containers[0].name</c>); empty for a
    /// body that is not JSON (its parser reports that).</summary>
    public static IReadOnlyList<string> Find(string json)
    {
        var duplicates = new List<string>();
        var frames = new Stack<Frame>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = frames.Count == 0 ? "" : frames.Peek().NextValuePath();
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        frame.Property = reader.GetString()!;
                        if (!frame.Names.Add(frame.Property))
                        {
                            duplicates.Add(frame.PropertyPath());
                        }

                        break;
                    default:
                        if (frames.Count > 0)
                        {
                            frames.Peek().NextValuePath();
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the body's parser gives the error the client sees.
        }

        return duplicates;
    }

    private sealed class Frame(string path, bool array)
    {
        private int _index = -1;

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public string Property { get; set; } = "";

        public string PropertyPath() => path.Length == 0 ? Property : $"{path}.{Property}";

        /// <summary>The path of the value that starts now: the next element of an array, or the current property.</summary>
        public string NextValuePath() => array ? $"{path}[{++_index}]" : PropertyPath();
    }
}
