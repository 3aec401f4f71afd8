namespace SegRestore.Kube.Models;

/// <summary><c>core/v1 Container</c>.</summary>
public sealed class V1Container
{
    public string Name { get; set; } = "";

    public string? Image { get; set; }

    public string? ImagePullPolicy { get; set; }

    public IList<string>? Command { get; set; }

    public IList<string>? Args { get; set; }

    public IList<V1EnvVar>? Env { get; set; }

    public IList<V1EnvFromSource>? EnvFrom { get; set; }

    public IList<V1VolumeMount>? VolumeMounts { get; set; }

    public V1ResourceRequirements? Resources { get; set; }

    public V1SecurityContext? SecurityContext { get; set; }

    public string? WorkingDir { get; set; }

    public string? TerminationMessagePath { get; set; }

    /// <summary>"File" or "FallbackToLogsOnError".</summary>
    public string? TerminationMessagePolicy { get; set; }
}
