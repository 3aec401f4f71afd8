using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>core/v1 LocalObjectReference.</summary>
public sealed class LocalObjectReference
{
    [Required]
    [Description("Name of the object in the segment's namespace.")]
    public string Name { get; set; } = "";
}
