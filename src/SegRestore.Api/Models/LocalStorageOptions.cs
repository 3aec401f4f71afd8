using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>The volume behind a <c>local://</c> URL: BR then reads a path inside the worker pod.</summary>
public sealed class LocalStorageOptions
{
    [Required]
    [Description("PersistentVolumeClaim mounted into the worker at the URL's path.")]
    [RegularExpression(SchemaPatterns.ObjectName)]
    public string ClaimName { get; set; } = "";

    [Description("Sub-path of the claim to mount.")]
    public string? SubPath { get; set; }
}
