using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Br.Arguments;

namespace SegRestore.Operator.Workers;

/// <summary>The worker pod's volumes and the worker container's mounts.</summary>
public static class WorkerVolumes
{
    public const string BrBin = "br-bin";
    public const string Checkpoint = "checkpoint";
    public const string Tmp = "tmp";
    public const string Tls = "tls";
    public const string ReporterCa = "reporter-ca";

    /// <summary>Prefix of a local:// storage's claim volume; the suffix is the claim's position among distinct claims.</summary>
    public const string StoragePrefix = "storage-";

    /// <summary>BR's local storage schemes (StorageUrlParser accepts both).</summary>
    private static readonly string[] LocalSchemes = ["local://", "file://"];

    /// <summary>The pod's volumes. In the Managed mode BR's checkpoint directory is the chain's claim when
    /// <paramref name="checkpointClaim"/> names one (it outlives the pod), else an emptyDir.</summary>
    public static (List<V1Volume> Volumes, List<V1VolumeMount> WorkerMounts) For(PointRestoreSegmentSpec spec, CheckpointMode mode, string? checkpointClaim = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var volumes = new List<V1Volume> { EmptyDir(BrBin), EmptyDir(Tmp) };
        var mounts = new List<V1VolumeMount>
        {
            Mount(BrBin, WorkerPaths.BinDirectory, readOnly: true),
            Mount(Tmp, WorkerPaths.TmpDirectory, readOnly: false),
        };

        if (mode == CheckpointMode.Managed)
        {
            volumes.Add(checkpointClaim is { Length: > 0 } claim
                ? new V1Volume { Name = Checkpoint, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = claim } }
                : EmptyDir(Checkpoint));
            mounts.Add(Mount(Checkpoint, WorkerPaths.CheckpointDirectory, readOnly: false));
        }

        if (spec.Cluster.TlsSecretName is { Length: > 0 } tlsSecret)
        {
            volumes.Add(new V1Volume
            {
                Name = Tls,
                Secret = new V1SecretVolumeSource { SecretName = tlsSecret, DefaultMode = WorkerPaths.TlsFileMode },
            });
            mounts.Add(Mount(Tls, WorkerPaths.TlsDirectory, readOnly: true));
        }

        AddLocalStorage(spec.FullBackup, "spec.fullBackup", volumes, mounts);
        AddLocalStorage(spec.Log, "spec.log", volumes, mounts);
        return (volumes, mounts);
    }

    /// <summary>The reporter's CA, when the operator serves the reporter over TLS with a private CA. Only ca.crt is
    /// projected: the Secret may hold more (a tls.key) that the worker must not see.</summary>
    public static void AddReporterCa(string? secretName, List<V1Volume> volumes, List<V1VolumeMount> mounts)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        ArgumentNullException.ThrowIfNull(mounts);
        if (secretName is not { Length: > 0 })
        {
            return;
        }

        volumes.Add(new V1Volume
        {
            Name = ReporterCa,
            Secret = new V1SecretVolumeSource
            {
                SecretName = secretName,
                Items = [new V1KeyToPath { Key = "ca.crt", Path = "ca.crt" }],
            },
        });
        mounts.Add(Mount(ReporterCa, WorkerPaths.ReporterCaDirectory, readOnly: true));
    }

    /// <summary>The init container writes BR's binary into br-bin.</summary>
    public static V1VolumeMount InstallBrMount() => Mount(BrBin, WorkerPaths.BinDirectory, readOnly: false);

    /// <summary>A local:// storage's path inside the pod: the URL without scheme and query (BR reads it there).</summary>
    public static string LocalPath(string url, string field)
    {
        ArgumentNullException.ThrowIfNull(url);
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var scheme = LocalSchemes.FirstOrDefault(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)) ?? "";
        var path = (query < 0 ? url : url[..query])[scheme.Length..].TrimEnd('/');
        return path.StartsWith('/') && !path.Split('/').Contains("..")
            ? path
            : throw new BrArgumentException($"{field}.url",
                $"{field}.url '{url}' is not an absolute local path; write local:///<path> (the claim of {field}.local is mounted there)");
    }

    /// <summary>Restore only reads backups, so the claim is mounted read-only. Storages on the same claim share one
    /// volume; a path already mounted from the same claim and sub-path is not mounted twice.</summary>
    private static void AddLocalStorage(StorageSpec? storage, string field, List<V1Volume> volumes, List<V1VolumeMount> mounts)
    {
        if (storage?.Local is not { ClaimName.Length: > 0 } local)
        {
            return;
        }

        if (!LocalSchemes.Any(s => storage.Url.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BrArgumentException($"{field}.local",
                $"{field}.local names claim '{local.ClaimName}' but {field}.url '{storage.Url}' is not a local:// URL; remove {field}.local or use local:///<path>");
        }

        var path = LocalPath(storage.Url, field);
        var storages = volumes.Where(v => v.Name.StartsWith(StoragePrefix, StringComparison.Ordinal)).ToList();
        var volume = storages.Find(v => v.PersistentVolumeClaim?.ClaimName == local.ClaimName);
        if (volume is null)
        {
            var count = storages.Count;
            volume = new V1Volume
            {
                Name = StoragePrefix + count,
                PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = local.ClaimName },
            };
            volumes.Add(volume);
        }

        var subPath = local.SubPath is { Length: > 0 } sub ? sub : null;
        var existing = mounts.Find(m => m.MountPath == path);
        if (existing is not null)
        {
            if (existing.Name == volume.Name && existing.SubPath == subPath)
            {
                return;
            }

            throw new BrArgumentException($"{field}.url",
                $"{field}.url '{storage.Url}' mounts claim '{local.ClaimName}' at {path}, where another volume is already mounted; give each storage its own path");
        }

        mounts.Add(new V1VolumeMount { Name = volume.Name, MountPath = path, SubPath = subPath, ReadOnlyProperty = true });
    }

    private static V1Volume EmptyDir(string name) => new() { Name = name, EmptyDir = new V1EmptyDirVolumeSource() };

    private static V1VolumeMount Mount(string name, string path, bool readOnly) =>
        new() { Name = name, MountPath = path, ReadOnlyProperty = readOnly ? true : null };
}
