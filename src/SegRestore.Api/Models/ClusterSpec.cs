using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>The target TiDB cluster.</summary>
public sealed class ClusterSpec
{
    [Required]
    [Description("PD endpoints: host:port or a comma-separated list, optionally with an http:// or https:// scheme.")]
    [MinLength(1)]
    public string Pd { get; set; } = "";

    [Description("Secret with ca.crt, tls.crt and tls.key for TLS to PD, TiKV and TiDB.")]
    [RegularExpression(SchemaPatterns.ObjectName)]
    public string? TlsSecretName { get; set; }
}
