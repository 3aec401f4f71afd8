namespace SegRestore.Operator.Controller;

/// <summary>A Secret (and, when <paramref name="Key"/> is set, one of its keys) a worker pod needs to start, with the
/// place that names it (<paramref name="Field"/>, e.g. <c>spec.log.secretName</c>).</summary>
public sealed record SecretReference(string SecretName, string? Key, string Field);
