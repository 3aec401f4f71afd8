using System.ComponentModel;
using System.Reflection;
using SegRestore.Api.Models;

namespace SegRestore.Api.Crd;

/// <summary>
/// Generates the PointRestoreSegment CRD as an object model (no I/O; `segrestore crd` writes it as YAML).
/// </summary>
public static class CrdGenerator
{
    public static CustomResourceDefinition Generate() => new()
    {
        Metadata = new CrdMetadata { Name = $"{PointRestoreSegment.Plural}.{PointRestoreSegment.Group}" },
        Spec = new CrdSpec
        {
            Group = PointRestoreSegment.Group,
            Scope = "Namespaced",
            Names = new CrdNames
            {
                Kind = PointRestoreSegment.KindName,
                ListKind = PointRestoreSegment.ListKindName,
                Plural = PointRestoreSegment.Plural,
                Singular = PointRestoreSegment.Singular,
                ShortNames = [PointRestoreSegment.ShortName],
                Categories = [PointRestoreSegment.Category],
            },
            Versions =
            [
                new CrdVersion
                {
                    Name = PointRestoreSegment.Version,
                    Served = true,
                    Storage = true,
                    Schema = new CrdValidation { OpenApiV3Schema = RootSchema() },
                    Subresources = new CrdSubresources { Status = new CrdStatusSubresource() },
                    AdditionalPrinterColumns = PrinterColumns(),
                },
            ],
        },
    };

    /// <summary>The openAPIV3Schema of the resource, with the spec-immutability rule at its root.</summary>
    public static JsonSchemaProps RootSchema() => new()
    {
        Type = "object",
        Description = typeof(PointRestoreSegment).GetCustomAttribute<DescriptionAttribute>()?.Description,
        Properties = new Dictionary<string, JsonSchemaProps>
        {
            ["apiVersion"] = new() { Type = "string", Description = "segrestore.io/v1alpha1" },
            ["kind"] = new() { Type = "string", Description = "PointRestoreSegment" },
            ["metadata"] = new() { Type = "object" },
            ["spec"] = SchemaGenerator.ForType(typeof(PointRestoreSegmentSpec)),
            ["status"] = SchemaGenerator.ForType(typeof(PointRestoreSegmentStatus)),
        },
        Required = ["spec"],
        XKubernetesValidations =
        [
            new CrdValidationRule
            {
                Rule = SpecImmutabilityRule.Rule(),
                Message = SpecImmutabilityRule.Message,
                Reason = SpecImmutabilityRule.Reason,
            },
        ],
    };

    /// <summary>
    /// kubectl get columns. Times are strings, not "date": kubectl shows a date column as an age ("5m"), and a
    /// restore point must be read as an absolute UTC time.
    /// </summary>
    public static List<CrdPrinterColumn> PrinterColumns() =>
    [
        new() { Name = "Chain", Type = "string", JsonPath = ".status.chain.root", Description = "First segment of the chain" },
        new() { Name = "Index", Type = "integer", JsonPath = ".status.chain.index", Description = "Position in the chain" },
        new() { Name = "Start (UTC)", Type = "string", JsonPath = ".status.startTime", Description = "Resolved start time" },
        new() { Name = "Restored (UTC)", Type = "string", JsonPath = ".status.restoredTime", Description = "Resolved restore point" },
        new() { Name = "Last", Type = "boolean", JsonPath = ".spec.last", Description = "Last segment of the chain" },
        new() { Name = "Phase", Type = "string", JsonPath = ".status.phase" },
        new() { Name = "Progress", Type = "number", JsonPath = ".status.progress.percent", Description = "Percent of BR's current step" },
        new() { Name = "Age", Type = "date", JsonPath = ".metadata.creationTimestamp" },
    ];
}
