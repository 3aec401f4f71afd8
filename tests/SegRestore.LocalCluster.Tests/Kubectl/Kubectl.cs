using System.Diagnostics;

namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>Runs the real kubectl against a kubeconfig, with a private discovery cache.</summary>
public sealed class Kubectl(string kubeconfig, string cacheDirectory)
{
    public const string Path = "/usr/bin/kubectl";

    public static bool Installed => File.Exists(Path);

    public async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs kubectl and asserts success; returns stdout.</summary>
    public async Task<string> Ok(params string[] args)
    {
        var (code, output, error) = await Run(args);
        code.Should().Be(0, "kubectl {0} failed: {1}{2}", string.Join(' ', args), error, output);
        return output;
    }

    public Process Start(params string[] args)
    {
        if (!Installed)
        {
            throw new InvalidOperationException(
                $"kubectl is not installed at {Path}: run tests/setup/deps.sh (Debian package kubernetes-client)");
        }

        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        start.ArgumentList.Add("--cache-dir");
        start.ArgumentList.Add(cacheDirectory);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
