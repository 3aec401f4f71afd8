using k8s;
using k8s.Models;
using SegRestore.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>
/// The harness on its own (no operator): a pod shaped like a worker pod copies <c>/br</c> from the BR image in an
/// init container and runs the copy, which reaches the simulator with this test's world and faults. When a scenario
/// fails, this test tells a harness problem from an operator problem.
/// </summary>
[Collection(E2ESequential.Name)]
public sealed class HarnessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_BR_image_copied_by_an_init_container_runs_the_simulator_with_the_worlds_faults()
    {
        await using var env = await E2EEnvironment.StartAsync(output, nameof(The_BR_image_copied_by_an_init_container_runs_the_simulator_with_the_worlds_faults),
            new E2EOptions { Points = 2, StartOperator = false });
        // faults.env is read at every BR start: here it switches the simulated BR to the V1 dialect (--last).
        env.World.SetFaults(new Dictionary<string, string> { ["BRSIM_DIALECT"] = "last" });
        var bin = new V1VolumeMount { Name = "bin", MountPath = "/var/lib/segrestore/bin" };
        await env.Client.CreateAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "br-probe", NamespaceProperty = E2EEnvironment.Namespace },
            Spec = new V1PodSpec
            {
                RestartPolicy = "Never",
                Volumes = [new V1Volume { Name = "bin", EmptyDir = new V1EmptyDirVolumeSource() }],
                InitContainers =
                [
                    new V1Container
                    {
                        Name = "copy-br", Image = E2EEnvironment.BrImage, Command = ["cp", "/br", "/var/lib/segrestore/bin/br"], VolumeMounts = [bin],
                    },
                ],
                Containers =
                [
                    new V1Container
                    {
                        Name = "br", Image = E2EEnvironment.WorkerImage, Command = ["/var/lib/segrestore/bin/br", "restore", "point", "--help"], VolumeMounts = [bin],
                    },
                ],
            },
        });

        V1Pod? pod = null;
        await Poll.UntilAsync(
            async () => (pod = await env.Client.GetAsync<V1Pod>("br-probe", E2EEnvironment.Namespace))?.Status?.Phase is "Succeeded" or "Failed",
            TimeSpan.FromSeconds(60),
            "the probe pod to finish",
            () => Task.FromResult(System.Text.Json.JsonSerializer.Serialize(pod?.Status)));
        var logs = await env.KubectlAsync("logs", "br-probe", "-c", "br");
        output.WriteLine(logs.Stdout);
        pod!.Status!.Phase.Should().Be("Succeeded", logs.Describe());
        logs.Stdout.Should().Contain("--last", "the copied wrapper ran the simulator with faults.env applied")
            .And.NotContain("--last-segment");
    }
}
