using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>How the operator reaches TiDB over SQL to put TiFlash replicas back after the last segment.</summary>
public sealed class ClusterSqlSpec
{
    [Required]
    [Description("Secret in the segment's namespace with the keys user and password of a TiDB account allowed to " +
        "ALTER the restored tables.")]
    [RegularExpression(SchemaPatterns.ObjectName)]
    public string SecretName { get; set; } = "";

    [Description("TiDB's host:port; <name>-tidb.<namespace>:4000 of spec.cluster.tidbClusterRef when omitted " +
        "(required with spec.cluster.pd).")]
    public string? Host { get; set; }
}
