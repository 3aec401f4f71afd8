namespace SegRestore.Operator.Deployment;

/// <summary>
/// One RBAC PolicyRule the operator needs, with the reason written next to it so that the generated manifests, the
/// Helm chart and docs/install.md explain every verb from the same place.
/// </summary>
public sealed record RbacRule(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs, string Why);
