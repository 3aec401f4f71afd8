namespace SegRestore.LocalCluster.Api;

/// <summary>One invalid field, as the API server reports it in <c>Status.details.causes</c>.</summary>
/// <param name="Reason">The cause type, e.g. <c>FieldValueInvalid</c>, <c>FieldValueRequired</c>.</param>
/// <param name="Field">The field path, e.g. <c>spec.replicas</c> or <c>spec.items[2].name</c>.</param>
/// <param name="Detail">The message without the field path, e.g. <c>Required value</c>.</param>
public sealed record FieldError(string Reason, string Field, string Detail)
{
    public override string ToString() => $"{Field}: {Detail}";
}
