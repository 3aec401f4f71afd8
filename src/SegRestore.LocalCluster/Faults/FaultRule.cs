namespace SegRestore.LocalCluster.Faults;

/// <summary>Fail the next <see cref="Remaining"/> requests whose verb and resource match (null or "*" matches
/// any) with <see cref="StatusCode"/>.</summary>
public sealed class FaultRule(string? verb, string? resource, int count, int statusCode)
{
    private int _remaining = count;

    public string? Verb { get; } = verb;
    public string? Resource { get; } = resource;
    public int StatusCode { get; } = statusCode;
    public int Remaining => Volatile.Read(ref _remaining);

    /// <summary>Consumes one failure when the request matches and failures remain.</summary>
    public bool TryConsume(string requestVerb, string requestResource)
    {
        if (!Matches(Verb, requestVerb) || !Matches(Resource, requestResource))
        {
            return false;
        }

        while (true)
        {
            var current = Volatile.Read(ref _remaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    private static bool Matches(string? pattern, string value) =>
        pattern is null or "*" || string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);
}
