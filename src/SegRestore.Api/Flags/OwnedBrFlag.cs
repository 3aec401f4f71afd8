namespace SegRestore.Api.Flags;

/// <summary>
/// A BR flag the operator sets itself, so a user may not pass it in spec.br.extraArgs.
/// </summary>
/// <param name="Name">The long name without dashes, e.g. <c>pd</c>.</param>
/// <param name="Shorthand">BR's one-letter alias without the dash (<c>u</c> for --pd, <c>s</c> for --storage), if any.</param>
/// <param name="Fix">What to write instead, e.g. "set spec.cluster.pd".</param>
public sealed record OwnedBrFlag(string Name, string? Shorthand, string Fix);
