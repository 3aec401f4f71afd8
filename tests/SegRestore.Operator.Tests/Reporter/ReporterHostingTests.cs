using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Operator.Reporter;
using SegRestore.Reporter.Contract;
using SegRestore.Reporter.Contract.Protos;
using SegRestore.Store;
using SegRestore.Store.Model;
using SegRestore.Store.Sql;
using ReporterGrpc = SegRestore.Reporter.Contract.Protos.Reporter;

namespace SegRestore.Operator.Tests.Reporter;

public sealed class ReporterHostingTests
{
    [Fact]
    public async Task AddReporter_and_MapReporter_serve_the_reporter_on_an_http2_listener_of_the_host()
    {
        var directory = Path.Combine(Path.GetTempPath(), "segrestore-operator-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var ledger = await SqlLedgers.OpenSqliteAsync(Path.Combine(directory, "ledger.db"), null, null, CancellationToken.None);
        await ledger.CreateChainAsync(new NewChain("root", "seg-0", "ns", 1, "pd:2379", "local:///log", CheckpointMode.Managed, null, BrDialect.LastSegment), CancellationToken.None);
        await ledger.RecordSegmentStartAsync("root", new SegmentStart("seg", 0, "seg-0", 10, 20, true, "h"), CancellationToken.None);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(ledger);
        builder.Services.AddReporter(o =>
        {
            o.Endpoint = new IPEndPoint(IPAddress.Loopback, 0);
            o.SpoolDirectory = Path.Combine(directory, "spool");
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenReporter(kestrel.ApplicationServices.GetRequiredService<ReporterOptions>()));
        await using var host = builder.Build();
        host.MapReporter();
        await host.StartAsync();
        try
        {
            var token = InMemoryAttemptTokenRegistry.NewToken();
            host.Services.GetRequiredService<InMemoryAttemptTokenRegistry>().Grant("root", "seg", 1, "pod-1", token);
            using var channel = GrpcChannel.ForAddress(host.Urls.Single());
            var response = await new ReporterGrpc.ReporterClient(channel).RegisterAttemptAsync(new RegisterAttemptRequest { Attempt = new AttemptRef { SegmentUid = "seg", Attempt = 1 }, PodName = "pod-1" },
                new CallOptions(new Metadata { { ReporterProtocol.AuthorizationKey, ReporterProtocol.BearerValue(token) } }, DateTime.UtcNow.AddMinutes(1))).ResponseAsync;

            response.CheckpointGeneration.Should().Be(0);
            (await ledger.ListSegmentsAsync("root", CancellationToken.None)).Single().Attempts.Should().ContainSingle().Which.PodName.Should().Be("pod-1");
        }
        finally
        {
            await host.StopAsync();
            await ledger.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
