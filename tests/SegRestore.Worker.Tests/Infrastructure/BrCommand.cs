using System.Diagnostics;

namespace SegRestore.Worker.Tests.Infrastructure;

/// <summary>Runs the BR simulator directly (not through a worker), e.g. to prepare a target or to verify one.</summary>
public static class BrCommand
{
    public static async Task RunAsync(TestWorld world, int expectedExit, (string Name, string Value)[] env, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "br.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["BRSIM_WORLD"] = world.WorldDirectory;
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(expectedExit, "br {0}\nstdout:\n{1}\nstderr:\n{2}", string.Join(' ', args), await stdout, await stderr);
    }
}
