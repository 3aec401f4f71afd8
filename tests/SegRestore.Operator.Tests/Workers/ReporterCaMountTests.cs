using SegRestore.Operator.Workers;
using SegRestore.Reporter.Contract;

namespace SegRestore.Operator.Tests.Workers;

/// <summary>Issue 11 "Security": with Operator:ReporterCaSecretName, worker pods mount only ca.crt of that Secret and
/// point SEGRESTORE_REPORTER_CA at it; without it, the pod is unchanged.</summary>
public class ReporterCaMountTests
{
    [Fact]
    public void A_configured_reporter_ca_is_mounted_read_only_and_named_in_the_environment()
    {
        var request = WorkerPodFixture.Request() with { Settings = WorkerPodFixture.Settings with { ReporterCaSecretName = "reporter-ca" } };

        var pod = WorkerPodBuilder.Build(request);

        var volume = pod.Spec!.Volumes!.Single(v => v.Name == WorkerVolumes.ReporterCa);
        volume.Secret!.SecretName.Should().Be("reporter-ca");
        volume.Secret.Items!.Should().ContainSingle().Which.Key.Should().Be("ca.crt", "the Secret may hold a key the worker must not see");
        var worker = pod.Spec.Containers!.Single();
        worker.VolumeMounts!.Single(m => m.Name == WorkerVolumes.ReporterCa).Should().BeEquivalentTo(
            new { MountPath = WorkerPaths.ReporterCaDirectory, ReadOnlyProperty = true });
        worker.Env!.Single(e => e.Name == WorkerEnv.ReporterCa).Value.Should().Be(WorkerPaths.ReporterCaFile);
        pod.Spec.InitContainers!.Single().VolumeMounts!.Should().NotContain(m => m.Name == WorkerVolumes.ReporterCa);
    }

    [Fact]
    public void Without_a_reporter_ca_the_pod_has_neither_the_volume_nor_the_variable()
    {
        var pod = WorkerPodBuilder.Build(WorkerPodFixture.Request());

        pod.Spec!.Volumes!.Should().NotContain(v => v.Name == WorkerVolumes.ReporterCa);
        pod.Spec.Containers!.Single().Env!.Should().NotContain(e => e.Name == WorkerEnv.ReporterCa);
    }
}
