using System.Globalization;

namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>
/// How big one chaos run is and which random schedule it follows. The bounded run inside <c>make test</c> uses the
/// defaults; <c>make chaos</c> sets <c>CHAOS_CHAINS</c>, <c>CHAOS_SEGMENTS</c> (and optionally <c>CHAOS_SEED</c>) to
/// run the long one. The same seed replays the same fault schedule (kinds, parameters and spacing).
/// </summary>
public sealed record ChaosSize(int Chains, int Segments, int Seed)
{
    public const string ChainsVariable = "CHAOS_CHAINS";
    public const string SegmentsVariable = "CHAOS_SEGMENTS";
    public const string SeedVariable = "CHAOS_SEED";

    /// <summary>The bounded run's fixed seed.</summary>
    public const int DefaultSeed = 20261122;

    /// <summary>Reads the environment; an unset variable keeps the bounded default, a bad one is an error that
    /// names the variable, its value and what to write instead.</summary>
    public static ChaosSize FromEnvironment(int defaultChains, int defaultSegments, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var chains = Read(environment, ChainsVariable, defaultChains, minimum: 1, maximum: 200);
        // A chain needs at least two segments to hand over from one to the next.
        var segments = Read(environment, SegmentsVariable, defaultSegments, minimum: 2, maximum: 20);
        var seed = Read(environment, SeedVariable, DefaultSeed, minimum: 0, maximum: int.MaxValue);
        return new ChaosSize(chains, segments, seed);
    }

    /// <summary>The environment that reproduces this run's size and fault schedule.</summary>
    public string ReplayVariables =>
        string.Create(CultureInfo.InvariantCulture, $"{SeedVariable}={Seed} {ChainsVariable}={Chains} {SegmentsVariable}={Segments}");

    private static int Read(Func<string, string?> environment, string name, int fallback, int minimum, int maximum)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            throw new ArgumentException(
                $"{name}='{text}' is not a whole number from {minimum} to {maximum}; set e.g. {name}={fallback} or unset it for the default.",
                name);
        }

        return value;
    }
}
