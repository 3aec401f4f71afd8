using System.Text.Json.Serialization;

namespace SegRestore.Api.Models;

/// <summary>Which flag a BR binary uses to mark the final segment (see BR-CONTRACT.md, "Two dialects").</summary>
public enum BrDialect
{
    /// <summary>V2 BR: <c>--last-segment</c>.</summary>
    [JsonStringEnumMemberName("last-segment")]
    LastSegment,

    /// <summary>V1 BR: <c>--last</c>.</summary>
    [JsonStringEnumMemberName("last")]
    Last,

    /// <summary>Neither flag: only a single-segment chain is possible.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}
