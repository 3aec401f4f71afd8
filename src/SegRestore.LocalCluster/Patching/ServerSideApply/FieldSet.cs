using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>A set of field paths one manager owns, with the <c>fieldsV1</c> encoding of <c>managedFields</c>:
/// a tree of path elements where <c>{}</c> marks a member leaf and <c>".": {}</c> a member that also has members
/// below it.</summary>
public sealed class FieldSet
{
    private readonly HashSet<FieldPath> _paths;

    public FieldSet(IEnumerable<FieldPath> paths) => _paths = [.. paths];

    public static FieldSet Empty { get; } = new([]);

    public int Count => _paths.Count;

    public bool IsEmpty => _paths.Count == 0;

    public IEnumerable<FieldPath> Paths => _paths.Order();

    public bool Contains(FieldPath path) => _paths.Contains(path);

    /// <summary>Whether <paramref name="path"/> or anything under it is a member.</summary>
    public bool HasAtOrUnder(FieldPath path) => _paths.Any(p => p.StartsWith(path));

    public FieldSet Union(FieldSet other) => new(_paths.Concat(other._paths));

    public FieldSet Except(FieldSet other) => new(_paths.Where(p => !other._paths.Contains(p)));

    public FieldSet Intersect(FieldSet other) => new(_paths.Where(other._paths.Contains));

    public bool SetEquals(FieldSet other) => _paths.SetEquals(other._paths);

    public JsonObject ToFieldsV1()
    {
        var root = new JsonObject();
        foreach (var path in Paths)
        {
            var node = root;
            foreach (var element in path.Elements)
            {
                if (node[element] is not JsonObject child)
                {
                    child = [];
                    node[element] = child;
                }

                node = child;
            }
        }

        MarkInnerMembers(root, FieldPath.Root);
        return root;
    }

    public static FieldSet FromFieldsV1(JsonObject? fields)
    {
        var paths = new List<FieldPath>();
        if (fields is not null)
        {
            Collect(fields, FieldPath.Root, paths);
        }

        return new FieldSet(paths);
    }

    /// <summary>A member is written as a leaf before its children (paths come in order): a member that got
    /// children below it carries the "." marker.</summary>
    private void MarkInnerMembers(JsonObject node, FieldPath path)
    {
        foreach (var (element, value) in node.ToList())
        {
            if (element == "." || value is not JsonObject child || child.Count == 0)
            {
                continue;
            }

            var childPath = path.Append(element);
            if (_paths.Contains(childPath) && child["."] is null)
            {
                child["."] = new JsonObject();
            }

            MarkInnerMembers(child, childPath);
        }
    }

    private static void Collect(JsonObject node, FieldPath path, List<FieldPath> paths)
    {
        foreach (var (element, value) in node)
        {
            if (element == ".")
            {
                paths.Add(path);
                continue;
            }

            var childPath = path.Append(element);
            if (value is JsonObject child && child.Count > 0)
            {
                Collect(child, childPath, paths);
            }
            else
            {
                paths.Add(childPath);
            }
        }
    }
}
