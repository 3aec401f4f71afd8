using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace SegRestore.Api.Models;

/// <summary>Retries of a failed attempt; BR resumes from its checkpoint.</summary>
public sealed class RetrySpec
{
    public const int DefaultMaxAttempts = 3;
    public const int DefaultBackoffSeconds = 30;

    [Description("Attempts of this segment, the first included.")]
    [DefaultValue(DefaultMaxAttempts)]
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    [Description("Backoff before the second attempt; doubles per attempt, capped at 10 minutes.")]
    [DefaultValue(DefaultBackoffSeconds)]
    [Range(0, 600)]
    public int BackoffSeconds { get; set; } = DefaultBackoffSeconds;
}
