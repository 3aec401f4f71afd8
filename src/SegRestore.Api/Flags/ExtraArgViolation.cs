namespace SegRestore.Api.Flags;

/// <summary>One rejected item of spec.br.extraArgs; <see cref="Message"/> names the field, the value and the fix.</summary>
public sealed record ExtraArgViolation(int Index, string Item, string Message);
