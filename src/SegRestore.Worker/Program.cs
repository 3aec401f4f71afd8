namespace SegRestore.Worker;

/// <summary>The worker pod's entry point: wraps <c>br</c> and reports to the operator.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.Error.WriteLine("segrestore-worker: not implemented yet");
        return 2;
    }
}
