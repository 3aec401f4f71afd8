using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SegRestore.LocalCluster.Security;
using SegRestore.Operator.Reporter;
using SegRestore.Rpc;
using SegRestore.Store.Model;
using SegRestore.Worker.Tests.Infrastructure;

namespace SegRestore.Worker.Tests.Acceptance;

/// <summary>
/// Issue 11 "Security": the operator's reporter hosted service serving TLS from PEM files (Operator__ReporterTls__*),
/// and a real worker process trusting the CA from SEGRESTORE_REPORTER_CA. Without the CA (or with another CA) the
/// worker stops at once with a message that says what to configure, and writes nothing.
/// </summary>
public sealed class ReporterTlsTests
{
    [Fact]
    public async Task A_worker_trusting_the_reporters_ca_reports_the_whole_segment_over_tls()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        using var authority = CertificateAuthority.Create(TimeProvider.System);
        var certificates = authority.WritePemFiles(Path.Combine(temp.Path, "tls"));
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        await using var tls = await StartTlsReporterAsync(reporter, certificates);

        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, world.SegmentArgs(0, dir), extra:
            [("SEGRESTORE_REPORTER_URL", tls.Address!.ToString()), ("SEGRESTORE_REPORTER_CA", certificates.CaFile)]);
        using var worker = WorkerProcess.Start(env);

        (await worker.WaitAsync()).Should().Be(0, "stdout:\n{0}\nstderr:\n{1}", worker.Stdout, worker.Stderr);
        tls.Address!.Scheme.Should().Be("https");
        var record = await reporter.SegmentAsync(0);
        record.State.Should().Be(SegmentState.Succeeded);
        record.Attempts.Should().ContainSingle().Which.Outcome.Should().Be(AttemptOutcome.Succeeded);
        (await reporter.Ledger.GetCheckpointAsync(TestReporter.RootUid, CancellationToken.None)).Generation.Should().BeGreaterThan(0,
            "checkpoint files were synced over TLS too");
    }

    [Theory]
    [InlineData(false, "Set SEGRESTORE_REPORTER_CA to the PEM file of the CA that signed it")]
    [InlineData(true, "The CA in SEGRESTORE_REPORTER_CA did not sign it")]
    public async Task A_worker_that_does_not_trust_the_reporter_stops_with_a_message_saying_what_to_configure(bool otherCa, string advice)
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        using var authority = CertificateAuthority.Create(TimeProvider.System);
        var certificates = authority.WritePemFiles(Path.Combine(temp.Path, "tls"));
        using var strangerAuthority = CertificateAuthority.Create(TimeProvider.System);
        var stranger = strangerAuthority.WritePemFiles(Path.Combine(temp.Path, "other"));
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        await using var tls = await StartTlsReporterAsync(reporter, certificates);

        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        List<(string, string)> extra = [("SEGRESTORE_REPORTER_URL", tls.Address!.ToString())];
        if (otherCa)
        {
            extra.Add(("SEGRESTORE_REPORTER_CA", stranger.CaFile));
        }

        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, world.SegmentArgs(0, dir), extra: [.. extra]);
        using var worker = WorkerProcess.Start(env);

        (await worker.WaitAsync()).Should().Be(Program.ConfigErrorExitCode, "stdout:\n{0}\nstderr:\n{1}", worker.Stdout, worker.Stderr);
        worker.Stderr.Should().Contain($"The reporter at {tls.Address}").And.Contain("does not trust").And.Contain(advice);
        worker.Stderr.Should().NotContain("   at ", "a configuration error is a message, not a stack trace");
        (await reporter.SegmentAsync(0)).Attempts.Should().BeEmpty("nothing reached the reporter");
    }

    [Fact]
    public async Task A_ca_file_that_is_missing_is_a_configuration_error_naming_the_variable()
    {
        using var temp = new TempDir();
        var world = new TestWorld(temp.Path, points: 2);
        await using var reporter = await TestReporter.StartAsync(Path.Combine(temp.Path, "operator"), world);
        var dir = WorkerEnvBuilder.NewCheckpointDir(world, 0, 1);
        var env = WorkerEnvBuilder.For(reporter, world, 0, 1, reporter.Grant(0, 1), dir, world.SegmentArgs(0, dir), extra:
            [("SEGRESTORE_REPORTER_URL", "https://127.0.0.1:1"), ("SEGRESTORE_REPORTER_CA", Path.Combine(temp.Path, "absent.crt"))]);
        using var worker = WorkerProcess.Start(env);

        (await worker.WaitAsync()).Should().Be(Program.ConfigErrorExitCode);
        worker.Stderr.Should().Contain("SEGRESTORE_REPORTER_CA").And.Contain("does not exist");
    }

    /// <summary>The reporter composed as the operator composes it, over the test reporter's ledger and tokens, with TLS
    /// from PEM files.</summary>
    private static Task<GrpcHost> StartTlsReporterAsync(TestReporter reporter, PemFileSet certificates)
    {
        var options = new ReporterOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            TlsCertFile = certificates.CertFile,
            TlsKeyFile = certificates.KeyFile,
        };
        return ReporterHost.StartAsync(reporter.Service, reporter.Tokens, options, NullLoggerFactory.Instance);
    }
}
