using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SegRestore.Operator.Hosting;

namespace SegRestore.Operator.Tests.Support;

/// <summary>The operator host as Program composes it (<see cref="OperatorApplication"/>), on given ports and a given
/// cluster configuration, for tests that start the real host.</summary>
internal static class OperatorApps
{
    public static WebApplication Build(int httpPort, int reporterPort, k8s.KubernetesClientConfiguration cluster, bool leaderElection = false) =>
        OperatorApplication.Build(OperatorApplication.CreateBuilder([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Operator:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
                ["Operator:ReporterPort"] = reporterPort.ToString(CultureInfo.InvariantCulture),
                ["Operator:ReporterUrl"] = $"http://127.0.0.1:{reporterPort}",
                ["Operator:Namespace"] = "default",
                ["Operator:LeaderElection"] = leaderElection ? "true" : "false",
            });
            builder.Services.AddSingleton(cluster);
        }));
}
