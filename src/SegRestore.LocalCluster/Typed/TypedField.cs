namespace SegRestore.LocalCluster.Typed;

/// <summary>One field of a built-in Go type, as far as decoding needs it: its JSON shape, the Go type name the
/// decoder quotes in its errors (<c>v1.Affinity</c>, <c>[]v1.Container</c>, <c>int64</c>), and for structs the
/// struct name and the JSON names of its fields (anything else is an unknown field).</summary>
public sealed record TypedField(TypedKind Kind, string GoType)
{
    /// <summary>For <see cref="TypedKind.Struct"/>: the fields by JSON name.</summary>
    public IReadOnlyDictionary<string, TypedField> Fields { get; init; } = new Dictionary<string, TypedField>(StringComparer.Ordinal);

    /// <summary>For <see cref="TypedKind.List"/> and <see cref="TypedKind.Map"/>: the element type.</summary>
    public TypedField? Element { get; init; }

    /// <summary>The Go struct name without its package (<c>v1.PodSpec</c> -> <c>PodSpec</c>), quoted by the decoder
    /// as the struct holding a mistyped field.</summary>
    public string StructName => GoType[(GoType.LastIndexOf('.') + 1)..];

    public static readonly TypedField GoString = new(TypedKind.Text, "string");

    public static readonly TypedField GoInt64 = new(TypedKind.WholeNumber, "int64");

    public static readonly TypedField GoInt32 = new(TypedKind.WholeNumber, "int32");

    public static readonly TypedField GoBool = new(TypedKind.Flag, "bool");

    public static readonly TypedField Quantity = new(TypedKind.Quantity, "resource.Quantity");

    public static readonly TypedField IntOrString = new(TypedKind.IntOrString, "intstr.IntOrString");

    public static readonly TypedField StringMap = MapOf(GoString);

    public static readonly TypedField StringList = ListOf(GoString);

    public static TypedField Struct(string goType, params (string Name, TypedField Type)[] fields) =>
        new(TypedKind.Struct, goType) { Fields = fields.ToDictionary(f => f.Name, f => f.Type, StringComparer.Ordinal) };

    public static TypedField Opaque(string goType) => new(TypedKind.OpaqueStruct, goType);

    public static TypedField ListOf(TypedField element) => new(TypedKind.List, "[]" + element.GoType) { Element = element };

    public static TypedField MapOf(TypedField element) => new(TypedKind.Map, "map[string]" + element.GoType) { Element = element };
}
