using System.Text.RegularExpressions;

namespace SegRestore.Api.Images;

/// <summary>
/// An image reference as the container runtime reads it (the distribution reference grammar):
/// <c>[registry[:port]/]path[:tag][@sha256:digest]</c>, path components in lower case. A reference the runtime
/// cannot parse leaves a worker in InvalidImageName, and a started segment's spec.br.image cannot change: refused
/// here, before the segment starts. Pure.
/// </summary>
public static partial class ImageReferenceSyntax
{
    public static bool IsValid(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Length <= 255 && Reference().IsMatch(reference);
    }

    [GeneratedRegex(
        @"^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?/)?" +
        @"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*" +
        @"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Reference();
}
