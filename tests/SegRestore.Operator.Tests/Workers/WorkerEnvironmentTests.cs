using System.Text.Json;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Operator.Workers;
using SegRestore.Reporter.Contract;

namespace SegRestore.Operator.Tests.Workers;

public sealed class WorkerEnvironmentTests
{
    private static string Render(V1EnvVar e) =>
        e.Value is not null ? $"{e.Name}={e.Value}"
        : e.ValueFrom!.SecretKeyRef is { } s ? $"{e.Name}<-secret:{s.Name}/{s.Key}{(s.Optional == true ? "?" : "")}"
        : $"{e.Name}<-field:{e.ValueFrom.FieldRef!.FieldPath}";

    [Fact]
    public void The_worker_environment_is_exactly_the_contract_of_docs_worker_md()
    {
        var worker = WorkerPodBuilder.Build(WorkerPodFixture.Request(mode: CheckpointMode.Table, attempt: 4)).Spec!.Containers[0];

        worker.Env!.Select(Render).Should().Equal(
            "SEGRESTORE_REPORTER_URL=http://reporter.segrestore-system.svc:9443",
            "SEGRESTORE_TOKEN<-secret:orders-1-a4-token/token",
            "SEGRESTORE_SEGMENT_UID=seg-uid-1",
            "SEGRESTORE_ATTEMPT=4",
            "SEGRESTORE_POD_NAME<-field:metadata.name",
            "SEGRESTORE_CHECKPOINT_MODE=Table",
            "SEGRESTORE_CHECKPOINT_DIR=/var/lib/segrestore/checkpoint",
            "SEGRESTORE_BR_PATH=/var/lib/segrestore/bin/br",
            """SEGRESTORE_BR_ARGS=["restore","point","--pd","basic-pd.tidb:2379","-s","s3://backups/log","--start-ts","1","--restored-ts","2","--last-segment=false","--checkpoint-storage","local:///var/lib/segrestore/checkpoint"]""",
            "SEGRESTORE_SYNC_INTERVAL_SECONDS=17",
            "SEGRESTORE_PROGRESS_INTERVAL_SECONDS=9",
            "SEGRESTORE_TERMINATION_LOG=/dev/termination-log",
            "TMPDIR=/tmp",
            "DOTNET_gcServer=0",
            "AWS_ACCESS_KEY_ID<-secret:s3-creds/access_key",
            "AWS_SECRET_ACCESS_KEY<-secret:s3-creds/secret_key",
            "AZURE_CLIENT_SECRET<-secret:az-creds/AZURE_CLIENT_SECRET?");
        worker.EnvFrom.Should().BeNull();
    }

    [Theory]
    [InlineData("--filter=db.*")]
    [InlineData("--note=it's \"quoted\" & spaced + <tagged>")]
    [InlineData("--unicode=ünïcode")]
    public void The_argv_round_trips_through_its_json_array(string extra)
    {
        var command = WorkerPodFixture.Command(extra);
        var env = WorkerEnvironment.For(WorkerPodFixture.Request(command: command));

        var json = env.Single(e => e.Name == WorkerEnv.BrArgs).Value!;

        JsonSerializer.Deserialize<string[]>(json).Should().Equal(command.Argv);
        json.Should().Contain("local:///var/lib/segrestore/checkpoint", "paths stay whole so the kubelet can map them");
    }

    [Fact]
    public void No_secret_value_is_in_the_pod_and_every_credential_is_a_secret_key_ref()
    {
        var request = WorkerPodFixture.Request();
        var pod = WorkerPodBuilder.Build(request);
        var json = KubernetesJson.Serialize(pod);
        var containers = pod.Spec!.InitContainers!.Concat(pod.Spec.Containers).ToList();

        json.Should().NotContain(WorkerPodFixture.Token);
        containers.SelectMany(c => (c.Command ?? []).Concat(c.Args ?? []).Concat((c.Env ?? []).Select(e => e.Value ?? "")))
            .Should().NotContain(v => v.Contains(WorkerPodFixture.Token, StringComparison.Ordinal));
        var credentialNames = request.Command.Env.Select(e => e.Name).Append(WorkerEnv.Token).ToHashSet();
        var credentials = containers.SelectMany(c => c.Env ?? []).Where(e => credentialNames.Contains(e.Name)).ToList();
        credentials.Should().HaveCount(credentialNames.Count);
        credentials.Should().OnlyContain(e => e.Value == null && e.ValueFrom!.SecretKeyRef != null);
        pod.Spec.InitContainers![0].Env.Should().BeNull("the init container only copies a file");
    }
}
