namespace SegRestore.Br.Arguments;

/// <summary>
/// An environment variable of the BR process whose value comes from a key of a Secret (a `secretKeyRef`); the value
/// itself never passes through SegRestore. Optional references tolerate a missing key (Azure accepts either an
/// AD application or a storage key).
/// </summary>
public sealed record EnvFromSecret(string Name, string SecretName, string SecretKey, bool Optional = false);
