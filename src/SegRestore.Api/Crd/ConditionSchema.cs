using SegRestore.Api.Models;

namespace SegRestore.Api.Crd;

/// <summary>The schema of metav1.Condition (as apimachinery publishes it), for V1Condition, which lives in SegRestore.Kube.</summary>
public static class ConditionSchema
{
    public static JsonSchemaProps Build() => new()
    {
        Type = "object",
        Description = "metav1.Condition: one aspect of the segment's state.",
        Properties = new Dictionary<string, JsonSchemaProps>
        {
            ["type"] = new() { Type = "string", Description = "Condition type, e.g. Validated.", MaxLength = 316, Pattern = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$" },
            ["status"] = new() { Type = "string", Description = "True, False or Unknown.", Enum = [ConditionStatus.True, ConditionStatus.False, ConditionStatus.Unknown] },
            ["observedGeneration"] = new() { Type = "integer", Format = "int64", Minimum = 0, Description = "The metadata.generation the condition was set for." },
            ["lastTransitionTime"] = new() { Type = "string", Format = "date-time", Description = "When the status last changed." },
            ["reason"] = new() { Type = "string", Description = "CamelCase reason of the last transition.", MinLength = 1, MaxLength = 1024, Pattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$" },
            ["message"] = new() { Type = "string", Description = "Human-readable details.", MaxLength = 32768 },
        },
        Required = ["type", "status", "lastTransitionTime", "reason", "message"],
    };
}
