using System.Text.Json.Serialization;
using SegRestore.Api.Serialization;

namespace SegRestore.Api.Models;

/// <summary>
/// A Kubernetes quantity ("500m", "4Gi", 2). Users write bare numbers as often as strings, so JSON accepts both
/// (int-or-string, as apimachinery's Quantity) and writes the canonical string.
/// </summary>
[JsonConverter(typeof(ResourceQuantityJsonConverter))]
public readonly record struct ResourceQuantity(string Value)
{
    public override string ToString() => Value;
}
