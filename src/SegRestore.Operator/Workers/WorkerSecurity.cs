using k8s;
using k8s.Models;

namespace SegRestore.Operator.Workers;

/// <summary>Least privilege for worker pods (restricted Pod Security Standard): non-root, no privilege escalation,
/// read-only root filesystem, no capabilities, the runtime's default seccomp profile.</summary>
public static class WorkerSecurity
{
    public const string RuntimeDefault = "RuntimeDefault";

    public static V1PodSecurityContext Pod() => new()
    {
        RunAsNonRoot = true,
        RunAsUser = WorkerPaths.NonRootId,
        RunAsGroup = WorkerPaths.NonRootId,
        FsGroup = WorkerPaths.NonRootId,
        SeccompProfile = new V1SeccompProfile { Type = RuntimeDefault },
    };

    public static V1SecurityContext Container() => new()
    {
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = true,
        RunAsNonRoot = true,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
        SeccompProfile = new V1SeccompProfile { Type = RuntimeDefault },
    };
}
