namespace SegRestore.Api.Schema;

/// <summary>
/// The CRD schema keeps this property's content as given (<c>x-kubernetes-preserve-unknown-fields: true</c>), for
/// Kubernetes types whose full schema would be copied here only to be validated again by the API server.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PreserveUnknownFieldsAttribute : Attribute;
