using System.Text.Json.Nodes;
using SegRestore.LocalCluster.Crd;
using SegRestore.LocalCluster.Typed;

namespace SegRestore.LocalCluster.Resources;

/// <summary>Describes one served resource at one version: names, scope, verbs, subresources and, for custom
/// resources, the structural schema and printer columns of that version.</summary>
public sealed record ResourceDefinition
{
    public required string Group { get; init; }
    public required string Version { get; init; }
    public required string Plural { get; init; }
    public required string Singular { get; init; }
    public required string Kind { get; init; }
    public IReadOnlyList<string> ShortNames { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public bool Namespaced { get; init; } = true;
    public bool HasStatus { get; init; }
    public bool HasLog { get; init; }

    /// <summary>True for resources registered by a CustomResourceDefinition.</summary>
    public bool Custom { get; init; }

    /// <summary>Whether <c>metadata.generation</c> is maintained (CRs and kinds with a spec).</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>Whether DELETE answers with the deleted object rather than a success Status.</summary>
    public bool ReturnsDeletedObject { get; init; }

    public IReadOnlyList<PrinterColumn> PrinterColumns { get; init; } = [];

    /// <summary>The version's <c>openAPIV3Schema</c>; null for built-in kinds (not validated).</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>The recognised spec-immutability rule of the schema root, if any.</summary>
    public ImmutableSpecRule? ImmutableSpec { get; init; }

    /// <summary>For built-in kinds LocalCluster decodes like the API server (Pod): the Go type, whose unknown fields
    /// are dropped and whose mistyped fields fail the request; null for the others and for custom resources.</summary>
    public TypedField? TypedSchema { get; init; }

    public IReadOnlyList<string> Verbs { get; init; } =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public string ListKind => Kind + "List";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string GroupVersion => ApiVersion;

    /// <summary><c>configmaps</c> or <c>widgets.example.com</c>, as used in error messages.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>The group whose storage the resource shares when it is a view of another group's resource
    /// (events.k8s.io Events are core Events); null for its own group.</summary>
    public string? StorageGroup { get; init; }

    /// <summary>The storage identity shared by all versions of the resource.</summary>
    public ResourceId Id => new(StorageGroup ?? Group, Plural);
}
