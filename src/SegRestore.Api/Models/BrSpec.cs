using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>The BR image and the options the operator passes through to <c>br restore point</c>.</summary>
public sealed class BrSpec
{
    [Description("Image that holds /br; defaults to the operator's configuration.")]
    public string? Image { get; set; }

    [Description("--concurrency")]
    [Range(1, 1024)]
    public int? Concurrency { get; set; }

    [Description("--pitr-concurrency")]
    [Range(1, 1024)]
    public int? PitrConcurrency { get; set; }

    [Description("Table filters (--filter). Filters that include system databases (mysql, sys, ...) are rejected: " +
        "BR refuses them for point-in-time restore.")]
    [MaxLength(64)]
    public List<string>? Filter { get; set; }

    [Description("Extra BR flags, each one --flag or --flag=value token. Flags the operator owns are rejected " +
        "(--pd, -u, -s, --storage, --start-ts, --restored-ts, --last, --last-segment, --full-backup-storage, " +
        "--checkpoint-storage, --ca, --cert, --key).")]
    [MaxLength(64)]
    public List<string>? ExtraArgs { get; set; }
}
