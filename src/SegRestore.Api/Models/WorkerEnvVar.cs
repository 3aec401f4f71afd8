using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>One extra environment variable of the worker (and so of BR): a plain value or a Secret's key.</summary>
public sealed class WorkerEnvVar
{
    [Required]
    [Description("Variable name. Names the operator sets (SEGRESTORE_*, TMPDIR, DOTNET_gcServer and the storage " +
        "credentials it takes from spec.*.secretName) are refused.")]
    [RegularExpression(SchemaPatterns.EnvVarName)]
    [MaxLength(256)]
    public string Name { get; set; } = "";

    [Description("Plain value (for non-secret settings such as AWS_REGION or AWS_STS_REGIONAL_ENDPOINTS).")]
    [MaxLength(4096)]
    public string? Value { get; set; }

    [Description("A Secret's key as the value; exactly one of value and valueFrom.")]
    public WorkerEnvVarSource? ValueFrom { get; set; }
}
