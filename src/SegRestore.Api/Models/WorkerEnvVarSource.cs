using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>Where a worker variable's value comes from (core/v1 EnvVarSource, Secrets only).</summary>
public sealed class WorkerEnvVarSource
{
    [Required]
    [Description("A key of a Secret in the segment's namespace.")]
    public WorkerSecretKeySelector SecretKeyRef { get; set; } = new();
}
