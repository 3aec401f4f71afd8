namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>One <c>metadata.managedFields</c> entry: who (manager, operation Apply or Update, the API version
/// it wrote, the subresource) owns which fields, since when.</summary>
public sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string? Time, string? Subresource, FieldSet Fields)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    /// <summary>The identity the API server keys managers by: an applier is one manager whatever version it
    /// applied, an updater is one per version.</summary>
    public (string Manager, string Operation, string ApiVersion, string Subresource) Identity =>
        (Manager, Operation, Operation == Apply ? "" : ApiVersion, Subresource ?? "");

    /// <summary>The manager as conflict messages print it: <c>"kubectl"</c>, <c>"kubectl-patch" using v1</c>,
    /// <c>"x" with subresource "status" using v1</c>.</summary>
    public string Describe()
    {
        var text = $"\"{Manager}\"";
        if (!string.IsNullOrEmpty(Subresource))
        {
            text += $" with subresource \"{Subresource}\"";
        }

        return Operation == Update ? $"{text} using {ApiVersion}" : text;
    }
}
