using SegRestore.Br.Probe;

namespace SegRestore.Operator.Workers;

/// <summary>
/// Pure: whether a new attempt's worker may skip probing BR. It may when an earlier attempt of the same chain reported
/// its BR from a pod with exactly the same BR image reference; then the hint carries that dialect and version
/// (<see cref="BrCapabilityHint"/>). Another image, or nothing known (no attempt registered since the operator
/// started), means no hint: the worker probes as before.
/// </summary>
public static class BrCapabilityReuse
{
    public static string? HintFor(ProbedBr? probed, string brImage)
    {
        ArgumentNullException.ThrowIfNull(brImage);
        if (probed is null || brImage.Length == 0 || !string.Equals(probed.Image, brImage, StringComparison.Ordinal))
        {
            return null;
        }

        if (!BrCapabilityHint.TryParseDialect(probed.Dialect, out var dialect))
        {
            return null;
        }

        return BrCapabilityHint.Format(dialect, probed.Version.Length == 0 ? null : probed.Version);
    }
}
