using SegRestore.Api.Chain;
using SegRestore.Api.Models;

namespace SegRestore.Api.Tests.Chain;

/// <summary>Cloud identity: a ServiceAccount instead of storage Secrets, and credentials in spec.worker.env when no
/// Secret supplies them.</summary>
public class WorkerSpecRulesTests
{
    [Fact]
    public void A_service_account_without_storage_secrets_is_valid()
    {
        var spec = ChainFixtures.RootSpec();
        spec.Log.SecretName = null;
        if (spec.FullBackup is not null)
        {
            spec.FullBackup.SecretName = null;
        }

        spec.Worker = new WorkerSpec { ServiceAccountName = "br-irsa", Env = [new WorkerEnvVar { Name = "AWS_REGION", Value = "us-west-2" }] };

        SegmentSpecRules.Check(spec).Should().BeNull();
    }

    [Fact]
    public void A_credential_variable_no_secret_supplies_may_be_set()
    {
        var spec = ChainFixtures.RootSpec();
        spec.Log.SecretName = null;
        if (spec.FullBackup is not null)
        {
            spec.FullBackup.SecretName = null;
        }

        spec.Worker = new WorkerSpec
        {
            Env = [new WorkerEnvVar { Name = "AWS_ACCESS_KEY_ID", ValueFrom = new WorkerEnvVarSource { SecretKeyRef = new WorkerSecretKeySelector { Name = "keys", Key = "id" } } }],
        };

        SegmentSpecRules.Check(spec).Should().BeNull();
    }

    [Fact]
    public void A_service_account_name_with_a_control_character_is_refused() =>
        SegmentSpecRules.Check(WithAccount("br\u0000irsa"))!.Message.Should().Contain("spec.worker.serviceAccountName").And.Contain("U+0000");

    private static PointRestoreSegmentSpec WithAccount(string account)
    {
        var spec = ChainFixtures.RootSpec();
        spec.Worker = new WorkerSpec { ServiceAccountName = account };
        return spec;
    }
}
