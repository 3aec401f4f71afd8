using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.Cli.Commands;

/// <summary><c>segrestore local up [--port] [--data FILE]</c>: runs LocalCluster in the foreground and writes a
/// kubeconfig for kubectl and the operator; Ctrl+C stops it.</summary>
public static class LocalUpCommand
{
    /// <summary>The <c>local</c> command with its <c>up</c> subcommand.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port to listen on (0 picks a free one).", DefaultValueFactory = _ => 6443 };
        var data = new Option<string?>("--data") { Description = "SQLite file that keeps the cluster state across restarts (default: in memory)." };
        var kubeconfig = new Option<string>("--kubeconfig")
        {
            Description = "Where to write the kubeconfig.",
            DefaultValueFactory = _ => Path.Combine(".tmp", "localcluster.kubeconfig"),
        };
        var https = new Option<bool>("--https") { Description = "Serve HTTPS with a generated CA and require a bearer token." };
        var images = new Option<string[]>("--image")
        {
            Description = "Image glob to local executable for the process kubelet, e.g. 'segrestore/worker:*=/path/to/worker' (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };

        var up = new Command("up", "Start the embedded Kubernetes API server and process kubelet.");
        up.Options.Add(port);
        up.Options.Add(data);
        up.Options.Add(kubeconfig);
        up.Options.Add(https);
        up.Options.Add(images);
        up.SetAction(async (parse, cancellationToken) =>
        {
            var mappings = ParseImages(parse.GetValue(images) ?? []);
            if (mappings.Error is { } error)
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(parse.GetValue(port), parse.GetValue(data), parse.GetValue(kubeconfig)!, parse.GetValue(https),
                mappings.Images, cancellationToken).ConfigureAwait(false);
        });

        var local = new Command("local", "An embedded control plane for machines with no cluster.");
        local.Subcommands.Add(up);
        local.Subcommands.Add(Local.LocalRunCommand.Create());
        local.Subcommands.Add(Local.LocalRestartOperatorCommand.Create());
        return local;
    }

    private static (List<ImageCommand> Images, string? Error) ParseImages(string[] values)
    {
        var result = new List<ImageCommand>();
        foreach (var value in values)
        {
            var separator = value.LastIndexOf('=');
            if (separator <= 0 || separator == value.Length - 1)
            {
                return (result, $"--image '{value}': expected PATTERN=EXECUTABLE, e.g. 'segrestore/worker:*=/usr/local/bin/segrestore-worker'");
            }

            result.Add(new ImageCommand(value[..separator], value[(separator + 1)..]));
        }

        return (result, null);
    }

    private static async Task<int> RunAsync(int port, string? data, string kubeconfigPath, bool https, List<ImageCommand> images,
        CancellationToken cancellationToken)
    {
        // Invoke() (not InvokeAsync) does not turn SIGTERM/SIGINT into cancellation, so the command does it itself.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        cancellationToken = stop.Token;
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var options = new LocalClusterOptions
        {
            Port = port,
            DataFile = data,
            Https = https,
            BearerToken = https ? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant() : null,
            Kubelet = new KubeletOptions { Images = images },
            LoggerFactory = loggers,
        };
        await using var server = await LocalClusterServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        var directory = Path.GetDirectoryName(Path.GetFullPath(kubeconfigPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await server.WriteKubeconfigAsync(kubeconfigPath, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"LocalCluster is serving at {server.BaseUrl}");
        Console.WriteLine($"export KUBECONFIG={Path.GetFullPath(kubeconfigPath)}");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping LocalCluster.");
        }

        return 0;

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
