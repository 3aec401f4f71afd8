namespace SegRestore.Worker.Tests.Infrastructure;

/// <summary>A temp directory for one test, removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "segrestore-worker-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a process that just exited may still hold a file; temp data is disposable
        }
    }
}
