using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Tests.Workers;

public sealed class WorkerPodBuilderTests
{
    [Fact]
    public void Metadata_names_the_attempt_labels_the_chain_and_is_owned_by_the_segment()
    {
        var pod = WorkerPodBuilder.Build(WorkerPodFixture.Request(attempt: 3));

        pod.Metadata.Name.Should().Be("orders-1-a3");
        pod.Metadata.NamespaceProperty.Should().Be("tidb");
        pod.Metadata.Labels.Should().Equal(new Dictionary<string, string>
        {
            [SegRestoreLabels.Chain] = "root-uid-0",
            [SegRestoreLabels.Index] = "1",
            [SegRestoreLabels.SegmentUid] = "seg-uid-1",
            [SegRestoreLabels.Attempt] = "3",
            [SegRestoreLabels.ManagedBy] = "segrestore",
            [SegRestoreLabels.Component] = "worker",
        });
        pod.Metadata.Annotations.Should().Equal(new Dictionary<string, string>
        {
            [SegRestoreLabels.TokenSha256Annotation] = WorkerPodFixture.TokenHash,
        });
        pod.Metadata.OwnerReferences.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1OwnerReference
        {
            ApiVersion = "segrestore.io/v1alpha1",
            Kind = "PointRestoreSegment",
            Name = "orders-1",
            Uid = "seg-uid-1",
            Controller = true,
            BlockOwnerDeletion = true,
        });
    }

    [Fact]
    public void The_pod_runs_once_without_service_account_token_or_service_links_as_a_non_root_user()
    {
        var spec = WorkerPodBuilder.Build(WorkerPodFixture.Request()).Spec!;

        spec.RestartPolicy.Should().Be("Never");
        spec.AutomountServiceAccountToken.Should().BeFalse();
        spec.EnableServiceLinks.Should().BeFalse();
        spec.TerminationGracePeriodSeconds.Should().Be(77);
        spec.SecurityContext.Should().BeEquivalentTo(new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = 65532,
            RunAsGroup = 65532,
            FsGroup = 65532,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        });
    }

    public static TheoryData<string> ContainerNames => new() { "install-br", "worker" };

    [Theory]
    [MemberData(nameof(ContainerNames))]
    public void Every_container_is_locked_down(string name)
    {
        var spec = WorkerPodBuilder.Build(WorkerPodFixture.Request()).Spec!;
        var container = spec.InitContainers!.Concat(spec.Containers).Single(c => c.Name == name);

        container.SecurityContext.Should().BeEquivalentTo(new V1SecurityContext
        {
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            RunAsNonRoot = true,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        });
        container.ImagePullPolicy.Should().Be("IfNotPresent");
    }

    [Theory]
    [InlineData(null, "pingcap/br:v8.5.0")]
    [InlineData("", "pingcap/br:v8.5.0")]
    [InlineData("pingcap/br:v9.0.0", "pingcap/br:v9.0.0")]
    public void The_init_container_copies_br_from_the_br_image_without_a_shell(string? brImage, string expectedImage)
    {
        var segment = WorkerPodFixture.Segment(s => s.Br = new BrSpec { Image = brImage });

        var init = WorkerPodBuilder.Build(WorkerPodFixture.Request(segment)).Spec!.InitContainers.Should().ContainSingle().Subject;

        init.Name.Should().Be("install-br");
        init.Image.Should().Be(expectedImage);
        init.Command.Should().Equal("cp", "/br", "/var/lib/segrestore/bin/br");
        init.Args.Should().BeNull();
        init.VolumeMounts.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new V1VolumeMount { Name = "br-bin", MountPath = "/var/lib/segrestore/bin" });
    }

    [Fact]
    public void The_worker_container_runs_the_configured_image_entrypoint_and_reports_through_the_termination_log()
    {
        var worker = WorkerPodBuilder.Build(WorkerPodFixture.Request()).Spec!.Containers.Should().ContainSingle().Subject;

        worker.Name.Should().Be("worker");
        worker.Image.Should().Be("example.io/segrestore/worker:1.2.3");
        worker.Command.Should().BeNull();
        worker.Args.Should().BeNull();
        worker.TerminationMessagePath.Should().Be("/dev/termination-log");
        worker.TerminationMessagePolicy.Should().Be("FallbackToLogsOnError");
        worker.Resources.Should().BeNull();
    }

    [Fact]
    public void Worker_settings_from_spec_worker_reach_the_pod()
    {
        var segment = WorkerPodFixture.Segment(s => s.Worker = new WorkerSpec
        {
            Resources = new WorkerResources
            {
                Requests = new() { ["cpu"] = new Api.Models.ResourceQuantity("2"), ["memory"] = new Api.Models.ResourceQuantity("4Gi") },
                Limits = new() { ["memory"] = new Api.Models.ResourceQuantity("8Gi") },
            },
            NodeSelector = new() { ["pool"] = "restore" },
            Tolerations = [new WorkerToleration { Key = "dedicated", Operator = "Equal", Value = "br", Effect = "NoSchedule", TolerationSeconds = 60 }],
            Affinity = WorkerPodFixture.Json("""{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}]}}}"""),
            PriorityClassName = "restore-high",
            ImagePullSecrets = [new LocalObjectReference { Name = "regcred" }],
        });

        var spec = WorkerPodBuilder.Build(WorkerPodFixture.Request(segment)).Spec!;

        spec.Containers[0].Resources.Should().BeEquivalentTo(new V1ResourceRequirements
        {
            Requests = new Dictionary<string, k8s.Models.ResourceQuantity> { ["cpu"] = new("2"), ["memory"] = new("4Gi") },
            Limits = new Dictionary<string, k8s.Models.ResourceQuantity> { ["memory"] = new("8Gi") },
        });
        spec.InitContainers![0].Resources.Should().BeNull();
        spec.NodeSelector.Should().Equal(new Dictionary<string, string> { ["pool"] = "restore" });
        spec.Tolerations.Should().ContainSingle().Which.Should().BeEquivalentTo(new V1Toleration
        {
            Key = "dedicated",
            OperatorProperty = "Equal",
            Value = "br",
            Effect = "NoSchedule",
            TolerationSeconds = 60,
        });
        KubernetesJson.Serialize(spec.Affinity).Should().Be(segment.Spec.Worker!.Affinity!.Value.GetRawText());
        spec.PriorityClassName.Should().Be("restore-high");
        spec.ImagePullSecrets.Should().ContainSingle().Which.Name.Should().Be("regcred");
    }

    [Fact]
    public void Without_spec_worker_the_pod_has_no_scheduling_settings()
    {
        var spec = WorkerPodBuilder.Build(WorkerPodFixture.Request()).Spec!;

        spec.NodeSelector.Should().BeNull();
        spec.Tolerations.Should().BeNull();
        spec.Affinity.Should().BeNull();
        spec.PriorityClassName.Should().BeNull();
        spec.ImagePullSecrets.Should().BeNull();
    }

    [Fact]
    public void Settings_come_from_the_operator_options()
    {
        var options = new OperatorOptions
        {
            WorkerImage = "w:1",
            DefaultBrImage = "br:2",
            ReporterUrl = "http://r:1",
            ImagePullPolicy = "Always",
            WorkerSyncIntervalSeconds = 5,
            WorkerProgressIntervalSeconds = 6,
            WorkerTerminationGraceSeconds = 7,
        };

        WorkerPodSettings.From(options).Should().Be(new WorkerPodSettings("w:1", "br:2", "http://r:1", "Always", 5, 6, 7));
    }

    [Theory]
    [InlineData(null, "u", "tidb", "metadata.name")]
    [InlineData("n", null, "tidb", "metadata.uid")]
    [InlineData("n", "u", null, "metadata.namespace")]
    public void A_segment_not_read_from_the_api_server_is_refused_naming_the_missing_field(string? name, string? uid, string? ns, string field)
    {
        var segment = WorkerPodFixture.Segment();
        segment.Metadata.Name = name;
        segment.Metadata.Uid = uid;
        segment.Metadata.NamespaceProperty = ns;

        var build = () => WorkerPodBuilder.Build(WorkerPodFixture.Request(segment));

        build.Should().Throw<InvalidOperationException>().WithMessage($"*{field}*");
    }

    [Fact]
    public void The_pod_serializes_with_kubernetes_field_names()
    {
        var json = KubernetesJson.Serialize(WorkerPodBuilder.Build(WorkerPodFixture.Request()));
        using var document = JsonDocument.Parse(json);
        var spec = document.RootElement.GetProperty("spec");

        document.RootElement.GetProperty("metadata").GetProperty("namespace").GetString().Should().Be("tidb");
        spec.GetProperty("enableServiceLinks").GetBoolean().Should().BeFalse();
        spec.GetProperty("automountServiceAccountToken").GetBoolean().Should().BeFalse();
        spec.GetProperty("volumes").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "br-bin")
            .GetProperty("emptyDir").ValueKind.Should().Be(JsonValueKind.Object);
    }
}
