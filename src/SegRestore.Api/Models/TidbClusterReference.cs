using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>A tidb-operator TidbCluster (pingcap.com/v1alpha1), as tidb-operator's Restore names it with br.cluster
/// and br.clusterNamespace.</summary>
public sealed class TidbClusterReference
{
    [Required]
    [Description("Name of the TidbCluster.")]
    [RegularExpression(SchemaPatterns.ServiceName)]
    [MaxLength(SchemaPatterns.TidbClusterNameMaxLength)]
    public string Name { get; set; } = "";

    [Description("Namespace of the TidbCluster; the segment's namespace when omitted.")]
    [RegularExpression(SchemaPatterns.ServiceName)]
    [MaxLength(63)]
    public string? Namespace { get; set; }
}
