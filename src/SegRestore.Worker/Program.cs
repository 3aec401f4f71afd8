using System.Collections;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using SegRestore.Br;
using SegRestore.Reporter.Contract;
using SegRestore.Rpc.Tls;
using SegRestore.Worker.Config;
using SegRestore.Worker.Reporting;
using SegRestore.Worker.Running;

namespace SegRestore.Worker;

/// <summary>The worker pod's entry point: wraps <c>br</c> and reports to the operator. Exits with BR's exit code.</summary>
public static class Program
{
    public const int ConfigErrorExitCode = 2;

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var env = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        }).SetMinimumLevel(LogLevel.Information));
        var logger = loggerFactory.CreateLogger("SegRestore.Worker");
        WorkerConfig config;
        try
        {
            config = WorkerConfigParser.Parse(env);
        }
        catch (WorkerConfigException ex)
        {
            await Console.Error.WriteLineAsync("segrestore-worker: " + SecretRedactor.Redact(ex.Message, KnownSecrets(env))).ConfigureAwait(false);
            return ConfigErrorExitCode;
        }

        X509Certificate2Collection? reporterRoots;
        try
        {
            reporterRoots = config.ReporterCaFile is { } caFile ? PemFiles.LoadCertificates(caFile, WorkerEnv.ReporterCa) : null;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync("segrestore-worker: " + ex.Message).ConfigureAwait(false);
            return ConfigErrorExitCode;
        }

        // Drop the token from the process environment: no child (the BR probe, `br log metadata`, BR) may inherit it.
        Environment.SetEnvironmentVariable(WorkerEnv.Token, null);
        using var runner = new WorkerRunner(config, KnownSecrets(env), Console.Out, logger, reporterRoots);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true; // the worker exits after BR, the final sync and the report
            runner.RequestTermination();
        });
        try
        {
            return await runner.RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            // The operator refused this attempt for good (e.g. PermissionDenied: the attempt was superseded, or its
            // token is not the one granted). Nothing can be reported, so say why and stop; BR is not running any more.
            logger.LogError("The operator refused this attempt ({Status}: {Detail}); the worker stops without reporting",
                ex.StatusCode, SecretRedactor.Redact(ex.Status.Detail, KnownSecrets(env)));
            return RefusedExitCode;
        }
        catch (ReporterTrustException ex)
        {
            // No retry fixes an untrusted certificate: say what to configure and stop (the pod's termination message).
            await Console.Error.WriteLineAsync("segrestore-worker: " + ex.Message).ConfigureAwait(false);
            return ConfigErrorExitCode;
        }
    }

    /// <summary>The reporter refused the attempt with a non-transient status.</summary>
    public const int RefusedExitCode = 3;

    /// <summary>Values that must never be printed: the reporter token and every credential variable's value.</summary>
    public static IReadOnlyList<string> KnownSecrets(IReadOnlyDictionary<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var names = SecretRedactor.SensitiveEnvNames.Append(WorkerEnv.Token);
        return [.. names.Select(n => env.GetValueOrDefault(n)).OfType<string>().Where(v => v.Length >= 4)];
    }
}
