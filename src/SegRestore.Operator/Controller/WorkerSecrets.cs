using k8s;
using k8s.Models;
using SegRestore.Api.Models;

namespace SegRestore.Operator.Controller;

/// <summary>
/// The Secrets a worker pod cannot start without, checked before the pod exists: a missing Secret or key otherwise
/// leaves the pod in CreateContainerConfigError, which the kubelet retries forever. Pure: the caller reads the Secrets.
/// Optional references (an Azure key that may be replaced by an AD application) and the attempt's own token Secret,
/// which the operator writes just before the pod, are not required.
/// </summary>
public static class WorkerSecrets
{
    public const string SecretNotFound = "SecretNotFound";
    public const string SecretKeyMissing = "SecretKeyMissing";

    /// <summary>The keys of spec.cluster.sql's Secret.</summary>
    public const string SqlUserKey = "user";
    public const string SqlPasswordKey = "password";
    private const string SqlSecretField = "spec.cluster.sql.secretName";

    /// <summary>The pod's required Secret references, each named after the spec field that set it.</summary>
    public static IReadOnlyList<SecretReference> Required(V1Pod pod, PointRestoreSegmentSpec spec, string tokenSecretName)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(spec);
        var references = new List<SecretReference>();
        var containers = (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []);
        foreach (var env in containers.SelectMany(c => c.Env ?? []))
        {
            if (env.ValueFrom?.SecretKeyRef is { Optional: not true, Name: { Length: > 0 } name } selector)
            {
                references.Add(new SecretReference(name, selector.Key, FieldOf(name, spec)));
            }
        }

        foreach (var volume in pod.Spec?.Volumes ?? [])
        {
            if (volume.Secret is not { Optional: not true, SecretName: { Length: > 0 } name } source)
            {
                continue;
            }

            references.Add(new SecretReference(name, null, FieldOf(name, spec)));
            references.AddRange((source.Items ?? []).Select(item => new SecretReference(name, item.Key, FieldOf(name, spec))));
        }

        return [.. references.Where(r => r.SecretName != tokenSecretName).Distinct()];
    }

    /// <summary>
    /// The SQL account of spec.cluster.sql (keys <c>user</c> and <c>password</c>), which the operator itself reads after
    /// the last segment to put TiFlash replicas back: checked before every segment's worker, so a wrong Secret is said
    /// at the start of the chain, not after hours of restore.
    /// </summary>
    public static IReadOnlyList<SecretReference> Sql(PointRestoreSegmentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Cluster?.Sql is { SecretName: { Length: > 0 } name }
            ? [new SecretReference(name, SqlUserKey, SqlSecretField), new SecretReference(name, SqlPasswordKey, SqlSecretField)]
            : [];
    }

    /// <summary>
    /// The verdict for the first reference that cannot be met, or null when all are. <paramref name="keysOf"/> gives a
    /// Secret's key names, null when it does not exist. Messages name Secrets and keys, never values.
    /// </summary>
    public static Verdict? Check(IReadOnlyList<SecretReference> references, Func<string, IReadOnlySet<string>?> keysOf, string ns, SegmentPhase phase)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(keysOf);
        foreach (var reference in references)
        {
            var keys = keysOf(reference.SecretName);
            if (keys is null)
            {
                return Verdict.WorkerCannotStart(phase, SecretNotFound,
                    $"{reference.Field}: Secret \"{reference.SecretName}\" was not found in namespace {ns}; the worker cannot start without it: " +
                    $"create it (kubectl create secret generic {reference.SecretName} -n {ns} --from-literal=KEY=VALUE ...) or correct the name; " +
                    "the segment goes on by itself once it exists");
            }

            if (reference.Key is { } key && !keys.Contains(key))
            {
                var present = keys.Count == 0 ? "no keys" : "keys " + string.Join(", ", keys.Order(StringComparer.Ordinal).Take(10));
                return Verdict.WorkerCannotStart(phase, SecretKeyMissing,
                    $"{reference.Field}: Secret \"{reference.SecretName}\" in namespace {ns} has no key \"{key}\" (it has {present}); " +
                    $"add it (kubectl patch secret {reference.SecretName} -n {ns} --type merge -p '{{\"stringData\":{{\"{key}\":\"...\"}}}}'); " +
                    "the segment goes on by itself once the key is there");
            }
        }

        return null;
    }

    private static string FieldOf(string secretName, PointRestoreSegmentSpec spec) =>
        secretName == spec.Log.SecretName ? "spec.log.secretName"
        : secretName == spec.FullBackup?.SecretName ? "spec.fullBackup.secretName"
        : secretName == spec.Cluster.TlsSecretName ? "spec.cluster.tlsSecretName"
        : spec.Worker?.Env?.FindIndex(e => e.ValueFrom?.SecretKeyRef.Name == secretName) is { } index and >= 0
            ? $"spec.worker.env[{index}].valueFrom.secretKeyRef"
        : "the operator's setting Operator__ReporterCaSecretName";
}
