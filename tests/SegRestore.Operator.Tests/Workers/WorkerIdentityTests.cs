using k8s.Models;
using SegRestore.Api.Flags;
using SegRestore.Api.Models;
using SegRestore.Br.Arguments;
using SegRestore.Operator.Controller;
using SegRestore.Operator.Workers;
using SegRestore.Reporter.Contract;

namespace SegRestore.Operator.Tests.Workers;

/// <summary>spec.worker.serviceAccountName and spec.worker.env on the worker pod (issue [tidb-on-k8s] item 2).</summary>
public sealed class WorkerIdentityTests
{
    [Fact]
    public void A_named_service_account_is_the_pods_and_only_then_is_a_token_mounted()
    {
        var withAccountPod = WorkerPodBuilder.Build(WorkerPodFixture.Request(WorkerPodFixture.Segment(s => s.Worker = new WorkerSpec { ServiceAccountName = "br-irsa" })));
        var withoutPod = WorkerPodBuilder.Build(WorkerPodFixture.Request());
        var (withAccount, without) = (withAccountPod.Spec!, withoutPod.Spec!);

        withAccountPod.Metadata.Labels.Should().Contain(WorkerPodBuilder.AzureWorkloadIdentityLabel, "true");
        withoutPod.Metadata.Labels.Should().NotContainKey(WorkerPodBuilder.AzureWorkloadIdentityLabel);
        withAccount.ServiceAccountName.Should().Be("br-irsa");
        withAccount.AutomountServiceAccountToken.Should().BeTrue();
        without.ServiceAccountName.Should().BeNull();
        without.AutomountServiceAccountToken.Should().BeFalse();
    }

    [Fact]
    public void Extra_variables_follow_the_operators_own_as_values_or_secret_keys()
    {
        var segment = WorkerPodFixture.Segment(s => s.Worker = new WorkerSpec
        {
            Env =
            [
                new WorkerEnvVar { Name = "AWS_REGION", Value = "us-west-2" },
                new WorkerEnvVar { Name = "HTTPS_PROXY", ValueFrom = new WorkerEnvVarSource { SecretKeyRef = new WorkerSecretKeySelector { Name = "proxy", Key = "url", Optional = true } } },
            ],
        });

        var env = WorkerPodBuilder.Build(WorkerPodFixture.Request(segment)).Spec!.Containers.Single(c => c.Name == WorkerPodBuilder.WorkerContainer).Env!;

        env[^2].Should().BeEquivalentTo(new V1EnvVar { Name = "AWS_REGION", Value = "us-west-2" });
        env[^1].Name.Should().Be("HTTPS_PROXY");
        env[^1].ValueFrom!.SecretKeyRef.Should().BeEquivalentTo(new V1SecretKeySelector { Name = "proxy", Key = "url", Optional = true });
    }

    [Fact]
    public void A_required_secret_of_an_extra_variable_is_checked_and_named_by_its_field()
    {
        var segment = WorkerPodFixture.Segment(s => s.Worker = new WorkerSpec
        {
            Env = [new WorkerEnvVar { Name = "AWS_ROLE_SESSION_NAME", ValueFrom = new WorkerEnvVarSource { SecretKeyRef = new WorkerSecretKeySelector { Name = "session", Key = "name" } } }],
        });
        var pod = WorkerPodBuilder.Build(WorkerPodFixture.Request(segment));

        WorkerSecrets.Required(pod, segment.Spec, "none").Should()
            .Contain(new SecretReference("session", "name", "spec.worker.env[0].valueFrom.secretKeyRef"));
    }

    [Fact]
    public void A_missing_service_account_is_a_typed_waiting_reason_with_the_fix()
    {
        var verdict = WorkerIdentity.NotFound("br-irsa", "tidb", SegmentPhase.Pending);

        verdict.Reason.Should().Be(WorkerIdentity.ServiceAccountNotFound);
        verdict.Message.Should().Contain("spec.worker.serviceAccountName").And.Contain("kubectl create serviceaccount br-irsa -n tidb");
    }

    /// <summary>The list spec.worker.env is checked against is what the operator really sets.</summary>
    [Fact]
    public void The_owned_variables_are_those_the_worker_environment_and_bRs_credentials_set()
    {
        // The constants that are variable names (the others are values such as "claim" or paths).
        var names = typeof(WorkerEnv).GetFields().Where(f => f.IsLiteral && f.Name is not nameof(WorkerEnv.Prefix))
            .Select(f => (string)f.GetRawConstantValue()!).Where(v => v.Contains('_', StringComparison.Ordinal) || v == WorkerEnv.TmpDir)
            .Where(v => !v.StartsWith('/'));
        names.Should().Contain([WorkerEnv.Token, WorkerEnv.TmpDir, WorkerEnv.DotnetGcServer]);
        foreach (var name in names)
        {
            (name.StartsWith(OwnedWorkerEnv.Prefix, StringComparison.Ordinal) || OwnedWorkerEnv.Always.Contains(name))
                .Should().BeTrue($"{name} is set by the worker environment");
        }

        foreach (var (provider, scheme) in new[] { (StorageProvider.S3, "s3"), (StorageProvider.Gcs, "gcs"), (StorageProvider.Azblob, "azure") })
        {
            OwnedWorkerEnv.CredentialsOf(scheme).Should().BeEquivalentTo(StorageCredentials.For(provider, "s").Select(e => e.Name));
        }
    }
}
