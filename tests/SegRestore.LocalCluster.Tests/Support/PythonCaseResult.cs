using System.Text.Json.Serialization;

namespace SegRestore.LocalCluster.Tests.Support;

/// <summary>One line of tests/interop/kube-contract.py: <c>{"case": ..., "ok": ..., "detail": ...}</c>.</summary>
public sealed record PythonCaseResult(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("detail")] string Detail);
