using SegRestore.Br.Output;

namespace SegRestore.BrSim.Tests;

/// <summary>Reads simulator output with SegRestore.Br's parser, as the worker does.</summary>
public static class BrOutput
{
    public static IReadOnlyList<BrEvent> Parse(string stdout)
    {
        var parser = new BrOutputParser();
        return [.. parser.Push(stdout), .. parser.Complete()];
    }

    /// <summary>The acceptance rule: the parser understands every line the simulator prints.</summary>
    public static IReadOnlyList<BrEvent> ParseAllKnown(string stdout)
    {
        var events = Parse(stdout);
        events.OfType<UnknownEvent>().Select(e => e.Raw).Should().BeEmpty("the br parser must understand every simulator line");
        return events;
    }
}
