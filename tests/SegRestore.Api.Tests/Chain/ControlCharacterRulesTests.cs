using SegRestore.Api.Chain;
using SegRestore.Api.Models;

namespace SegRestore.Api.Tests.Chain;

/// <summary>Issue 21 item 4: no string that becomes a BR argument or env value may carry a control character.</summary>
public class ControlCharacterRulesTests
{
    public static TheoryData<string, Action<PointRestoreSegmentSpec>, ChainReason, string> Spoiled => new()
    {
        { "spec.br.filter[1]", s => s.Br!.Filter = ["db.*", "db\0x.*"], ChainReason.InvalidSpec, "U+0000" },
        { "spec.br.filter[0]", s => s.Br!.Filter = ["db.\u202Eelbat"], ChainReason.InvalidSpec, "U+202E" },
        { "spec.br.filter[0]", s => s.Br!.Filter = ["`db\u2067`.t"], ChainReason.InvalidSpec, "U+2067" },
        { "spec.br.extraArgs[0]", s => s.Br!.ExtraArgs = ["--log-level=\u2066debug"], ChainReason.ForbiddenExtraArg, "U+2066" },
        { "spec.br.extraArgs[1]", s => s.Br!.ExtraArgs = ["--ratelimit=1", "--ratelimit=1\0"], ChainReason.ForbiddenExtraArg, "U+0000" },
        { "spec.cluster.pd", s => s.Cluster.Pd = "pd-0:2379,\tpd-1:2379", ChainReason.InvalidSpec, "U+0009" },
        { "spec.cluster.pd", s => s.Cluster.Pd = "pd-0:2379\n", ChainReason.InvalidSpec, "U+000A" },
        { "spec.cluster.pd", s => s.Cluster.Pd = "basic-pd.tidb:2379\n--pd=10.0.0.1:2379", ChainReason.InvalidSpec, "U+000A" },
        { "spec.log.url", s => s.Log.Url = "s3://backups/log\0", ChainReason.InvalidSpec, "U+0000" },
        { "spec.log.url", s => s.Log.Url = "s3://backups/lo%00g", ChainReason.InvalidSpec, "percent-decoded" },
        { "spec.fullBackup.url", s => s.FullBackup!.Url = "s3://backups/\u200Ffull", ChainReason.InvalidSpec, "U+200F" },
        { "spec.log.s3.region", s => s.Log.S3!.Region = "us-west-2\r", ChainReason.InvalidSpec, "U+000D" },
        { "spec.fullBackup.s3.endpoint", s => s.FullBackup!.S3!.Endpoint = "http://minio\uFEFF:9000", ChainReason.InvalidSpec, "U+FEFF" },
        { "spec.checkpoint.url", s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.External, Url = "s3://cp/\u061C" }, ChainReason.InvalidSpec, "U+061C" },
        { "spec.log.secretName", s => s.Log.SecretName = "s3-creds\u0085", ChainReason.InvalidSpec, "U+0085" },
        { "spec.cluster.tlsSecretName", s => s.Cluster.TlsSecretName = "tls\uD800", ChainReason.InvalidSpec, "U+D800" },
        { "spec.br.image", s => s.Br!.Image = "pingcap/br:v9\u202D", ChainReason.InvalidSpec, "U+202D" },
        { "spec.worker.env[0].value", s => s.Worker = new WorkerSpec { Env = [new WorkerEnvVar { Name = "AWS_REGION", Value = "us-west-2\n--x" }] }, ChainReason.InvalidSpec, "U+000A" },
    };

    [Theory]
    [MemberData(nameof(Spoiled))]
    public void A_control_character_is_refused_naming_the_field_the_code_point_and_the_fix(
        string field, Action<PointRestoreSegmentSpec> spoil, ChainReason reason, string expected)
    {
        var spec = ChainFixtures.RootSpec();
        spoil(spec);

        var violation = SegmentSpecRules.Check(spec);

        violation.Should().NotBeNull();
        violation!.Reason.Should().Be(reason);
        violation.Message.Should().StartWith(field + " has the control character").And.Contain(expected).And.Contain("delete it");
    }

    [Theory]
    [InlineData("db*.t?")]
    [InlineData("`my db`.`my table`")]
    [InlineData("données.表")]
    public void A_fine_filter_is_accepted(string filter)
    {
        var spec = ChainFixtures.RootSpec();
        spec.Br!.Filter = [filter];

        SegmentSpecRules.Check(spec).Should().BeNull();
    }
}
