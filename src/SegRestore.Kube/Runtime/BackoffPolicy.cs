namespace SegRestore.Kube.Runtime;

/// <summary>
/// Exponential backoff with jitter, capped: attempt n waits <c>min(Initial * 2^(n-1), Max)</c>, stretched by up to
/// <see cref="JitterFraction"/> so that many keys (or watches) failing together do not retry in lockstep.
/// </summary>
public sealed record BackoffPolicy(TimeSpan Initial, TimeSpan Max, double JitterFraction = 0.1)
{
    /// <summary>The delay before retry number <paramref name="attempt"/> (1-based); <paramref name="random01"/> in [0, 1).</summary>
    public TimeSpan Delay(int attempt, double random01)
    {
        if (attempt <= 0)
        {
            return TimeSpan.Zero;
        }

        // 2^62 ticks overflows long long before the cap matters; stop doubling once past Max.
        var exponent = Math.Min(attempt - 1, 62);
        var raw = Initial.Ticks * Math.Pow(2, exponent);
        var capped = Math.Min(raw, Max.Ticks);
        var jittered = capped * (1 + (JitterFraction * Math.Clamp(random01, 0, 1)));
        return TimeSpan.FromTicks((long)Math.Min(jittered, Max.Ticks));
    }
}
