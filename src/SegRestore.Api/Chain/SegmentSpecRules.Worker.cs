using SegRestore.Api.Flags;
using SegRestore.Api.Models;

namespace SegRestore.Api.Chain;

public static partial class SegmentSpecRules
{
    /// <summary>
    /// spec.worker.env: each variable has exactly one of value and valueFrom, appears once, and is not one the
    /// operator sets for this spec (its own settings, or the credentials it takes from a storage's Secret).
    /// </summary>
    private static ChainViolation? CheckWorkerEnv(PointRestoreSegmentSpec spec)
    {
        var env = spec.Worker?.Env;
        if (env is not { Count: > 0 })
        {
            return null;
        }

        var owned = OwnedBy(spec);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < env.Count; index++)
        {
            var variable = env[index];
            var field = $"spec.worker.env[{index}]";
            var by = variable.Name.StartsWith(OwnedWorkerEnv.Prefix, StringComparison.Ordinal)
                ? OperatorItself
                : owned.GetValueOrDefault(variable.Name);
            if (by is not null)
            {
                return new(ChainReason.InvalidSpec, $"{field}.name: \"{variable.Name}\" is set by {by}; remove it from " +
                    "spec.worker.env" + (by == OperatorItself ? "" : " (or drop that secretName and set the credentials here)"));
            }

            if (!seen.Add(variable.Name))
            {
                return new(ChainReason.InvalidSpec, $"{field}.name: \"{variable.Name}\" appears twice in spec.worker.env; keep one");
            }

            if ((variable.Value is null) == (variable.ValueFrom is null))
            {
                return new(ChainReason.InvalidSpec, $"{field}: \"{variable.Name}\" needs exactly one of value and " +
                    "valueFrom.secretKeyRef; set one");
            }
        }

        return null;
    }

    private const string OperatorItself = "the operator (its own settings)";

    /// <summary>Owned names and who sets them, for this spec.</summary>
    private static Dictionary<string, string> OwnedBy(PointRestoreSegmentSpec spec)
    {
        var owned = OwnedWorkerEnv.Always.ToDictionary(name => name, _ => OperatorItself, StringComparer.Ordinal);
        foreach (var (storage, field) in new[] { (spec.FullBackup, "spec.fullBackup.secretName"), (spec.Log, "spec.log.secretName") })
        {
            if (storage is { SecretName.Length: > 0, Url: { } url } && StorageScheme(url) is { } scheme)
            {
                foreach (var name in OwnedWorkerEnv.CredentialsOf(scheme))
                {
                    owned.TryAdd(name, $"the operator from {field} (\"{storage.SecretName}\")");
                }
            }
        }

        return owned;
    }
}
