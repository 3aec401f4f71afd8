using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>core/v1 SecretKeySelector.</summary>
public sealed class WorkerSecretKeySelector
{
    [Required]
    [Description("Secret name in the segment's namespace.")]
    [RegularExpression(SchemaPatterns.ObjectName)]
    public string Name { get; set; } = "";

    [Required]
    [Description("Key in the Secret.")]
    [MinLength(1)]
    public string Key { get; set; } = "";

    [Description("When true the worker starts without the Secret or key (the variable is then unset).")]
    public bool? Optional { get; set; }
}
