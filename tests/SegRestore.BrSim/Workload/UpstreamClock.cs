using SegRestore.BrSim.Model;

namespace SegRestore.BrSim.Workload;

/// <summary>Hands out increasing, realistic commit TSOs (unix ms &lt;&lt; 18 | logical) from a seeded start.</summary>
public sealed class UpstreamClock(long startUnixMilliseconds, Random random)
{
    private long _milliseconds = startUnixMilliseconds;

    public ulong Next(int maxStepMilliseconds = 40)
    {
        _milliseconds += random.Next(1, maxStepMilliseconds);
        return Tso.Compose(_milliseconds, random.Next(0, 4));
    }
}
