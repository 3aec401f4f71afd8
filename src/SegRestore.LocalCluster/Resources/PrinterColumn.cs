namespace SegRestore.LocalCluster.Resources;

/// <summary>A Table column: a CRD's <c>additionalPrinterColumns</c> entry or a built-in default.</summary>
/// <param name="Name">Header text.</param>
/// <param name="Type">OpenAPI type: string, integer, number, boolean or date.</param>
/// <param name="JsonPath">Simple JSONPath into the object, e.g. <c>.status.phase</c>.</param>
/// <param name="Description">Shown by <c>kubectl explain</c>-like tools.</param>
/// <param name="Priority">0 columns show by default; higher ones only with <c>-o wide</c>.</param>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description = "", int Priority = 0);
