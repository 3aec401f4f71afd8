namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 SecurityContext</c> (container level).</summary>
public sealed class V1SecurityContext
{
    public bool? RunAsNonRoot { get; set; }

    public long? RunAsUser { get; set; }

    public long? RunAsGroup { get; set; }

    public bool? ReadOnlyRootFilesystem { get; set; }

    public bool? AllowPrivilegeEscalation { get; set; }

    public bool? Privileged { get; set; }

    public V1Capabilities? Capabilities { get; set; }

    public V1SeccompProfile? SeccompProfile { get; set; }
}
