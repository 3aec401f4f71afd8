namespace SegRestore.LocalCluster.Typed;

/// <summary>The JSON shape a Go field of a built-in type decodes from.</summary>
public enum TypedKind
{
    /// <summary>A Go struct: a JSON object whose keys are the struct's fields.</summary>
    Struct,

    /// <summary>A Go struct LocalCluster does not model field by field: any JSON object, nothing reported unknown.</summary>
    OpaqueStruct,

    /// <summary>A Go slice: a JSON array.</summary>
    List,

    /// <summary>A Go map with string keys: a JSON object with arbitrary keys.</summary>
    Map,

    Text,

    WholeNumber,

    Flag,

    /// <summary>resource.Quantity: a string or number of the quantity grammar.</summary>
    Quantity,

    /// <summary>intstr.IntOrString: a string or an integer.</summary>
    IntOrString,
}
