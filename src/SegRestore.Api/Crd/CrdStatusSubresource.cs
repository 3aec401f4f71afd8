namespace SegRestore.Api.Crd;

/// <summary>CustomResourceSubresourceStatus: an empty object that turns the /status subresource on.</summary>
public sealed class CrdStatusSubresource;
