using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.Kube.Client;
using SegRestore.Operator.Hosting;
using SegRestore.Operator.Tests.Support;
using SegRestore.Reporter.Contract.Protos;
using ReporterGrpc = SegRestore.Reporter.Contract.Protos.Reporter;

namespace SegRestore.Operator.Tests.Hosting;

/// <summary>
/// The operator's real composition (what Program runs) against a LocalCluster: one Kestrel host whose HTTP listener
/// serves probes and metrics and whose HTTP/2 listener serves the reporter, each endpoint on its own listener only.
/// </summary>
public sealed class OperatorApplicationTests : LocalApiServerTest
{
    [Fact]
    public async Task One_kestrel_host_serves_probes_and_metrics_on_the_http_port_and_the_reporter_on_the_reporter_port()
    {
        var (httpPort, reporterPort) = (FreePort.Next(), FreePort.Next());
        await using var app = Build(httpPort, reporterPort);
        await app.StartAsync();
        try
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            addresses.Select(a => new Uri(a.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port).Should().BeEquivalentTo([httpPort, reporterPort]);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
            (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Should().Contain("# TYPE segrestore_");

            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{reporterPort}");
            var unauthenticated = () => new ReporterGrpc.ReporterClient(channel).RegisterAttemptAsync(
                new RegisterAttemptRequest { Attempt = new AttemptRef { SegmentUid = "seg", Attempt = 1 }, PodName = "pod-1" },
                deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;
            (await unauthenticated.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unauthenticated, "the token interceptor runs in the main host");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Neither_listener_serves_the_other_listeners_endpoints()
    {
        var (httpPort, reporterPort) = (FreePort.Next(), FreePort.Next());
        await using var app = Build(httpPort, reporterPort);
        await app.StartAsync();
        try
        {
            using var h2c = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
            (await h2c.GetAsync(new Uri($"http://127.0.0.1:{reporterPort}/metrics"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await h2c.GetAsync(new Uri($"http://127.0.0.1:{reporterPort}/healthz"))).StatusCode.Should().Be(HttpStatusCode.NotFound);

            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{httpPort}");
            var onHttpPort = () => new ReporterGrpc.ReporterClient(channel).RegisterAttemptAsync(
                new RegisterAttemptRequest { Attempt = new AttemptRef { SegmentUid = "seg", Attempt = 1 }, PodName = "pod-1" },
                deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;
            (await onHttpPort.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().NotBe(StatusCode.Unauthenticated, "the reporter is not served on the HTTP port at all");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Hosted_services_such_as_the_grant_restorer_start_before_kestrel_opens_the_reporter_listener()
    {
        await using var app = Build(FreePort.Next(), FreePort.Next());

        var hosted = app.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        hosted.Should().Contain(nameof(AttemptGrantRestorer)).And.Contain("GenericWebHostService");
        hosted.IndexOf(nameof(AttemptGrantRestorer)).Should().BeLessThan(hosted.IndexOf("GenericWebHostService"));
    }

    [Fact]
    public void An_unreadable_cluster_configuration_stops_the_start_with_what_to_do_instead_of_a_stack_trace()
    {
        var build = () => OperatorApplication.Build(OperatorApplication.CreateBuilder([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Operator:ReporterUrl"] = "http://127.0.0.1:9443" });
            builder.Services.AddSingleton<k8s.KubernetesClientConfiguration>(_ => throw new k8s.Exceptions.KubeConfigException(
                "external exec failed due to failed deserialization process: System.Text.Json.JsonException: The input does not contain any JSON tokens."));
        }));

        build.Should().Throw<SegRestore.Operator.Configuration.OperatorConfigurationException>()
            .WithMessage("The operator cannot read its cluster's configuration: the kubeconfig's exec credential plugin printed no ExecCredential*sign in again*")
            .Which.Message.Should().NotContain("System.Text.Json");
    }

    private WebApplication Build(int httpPort, int reporterPort) =>
        OperatorApps.Build(httpPort, reporterPort, KubeConfiguration.FromText(Server.Kubeconfig));
}
