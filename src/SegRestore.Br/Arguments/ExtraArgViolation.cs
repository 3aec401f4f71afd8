namespace SegRestore.Br.Arguments;

/// <summary>One rejected `br.extraArgs` item: where, what, and why (the message names the fix).</summary>
public sealed record ExtraArgViolation(int Index, string Token, string Message);
