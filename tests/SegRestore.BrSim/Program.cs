namespace SegRestore.BrSim;

/// <summary>BR simulator entry point (a simulator, not BR).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.Error.WriteLine("br (SegRestore BR simulator): not implemented yet");
        return 2;
    }
}
