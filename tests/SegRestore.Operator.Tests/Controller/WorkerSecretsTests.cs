using k8s;
using k8s.Models;
using SegRestore.Api.Models;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class WorkerSecretsTests
{
    private static readonly PointRestoreSegmentSpec Spec = new()
    {
        Cluster = new ClusterSpec { Pd = "pd:2379", TlsSecretName = "pd-tls" },
        FullBackup = new StorageSpec { Url = "s3://b/full", SecretName = "full-creds" },
        Log = new StorageSpec { Url = "s3://b/log", SecretName = "log-creds" },
        RestoredTs = "1000",
    };

    [Fact]
    public void Required_references_name_the_spec_field_and_skip_optional_ones_and_the_token()
    {
        var references = WorkerSecrets.Required(Pod(), Spec, "s-a1-token");

        references.Should().BeEquivalentTo(new[]
        {
            new SecretReference("log-creds", "access-key", "spec.log.secretName"),
            new SecretReference("full-creds", "access-key", "spec.fullBackup.secretName"),
            new SecretReference("pd-tls", null, "spec.cluster.tlsSecretName"),
            new SecretReference("reporter-ca", null, "the operator's setting Operator__ReporterCaSecretName"),
            new SecretReference("reporter-ca", "ca.crt", "the operator's setting Operator__ReporterCaSecretName"),
        });
    }

    public static TheoryData<string, Dictionary<string, string[]>, string?, string?> Cases => new()
    {
        // because, secrets present (name -> keys), expected reason, expected fragment
        { "all present", new() { ["log-creds"] = ["access-key"], ["full-creds"] = ["access-key", "x"], ["pd-tls"] = [], ["reporter-ca"] = ["ca.crt"] }, null, null },
        { "log Secret missing", new() { ["full-creds"] = ["access-key"], ["pd-tls"] = [], ["reporter-ca"] = ["ca.crt"] }, WorkerSecrets.SecretNotFound, "spec.log.secretName: Secret \"log-creds\" was not found in namespace ns" },
        { "full backup key missing", new() { ["log-creds"] = ["access-key"], ["full-creds"] = ["secret-key"], ["pd-tls"] = [], ["reporter-ca"] = ["ca.crt"] }, WorkerSecrets.SecretKeyMissing, "spec.fullBackup.secretName: Secret \"full-creds\" in namespace ns has no key \"access-key\" (it has keys secret-key)" },
        { "TLS Secret missing", new() { ["log-creds"] = ["access-key"], ["full-creds"] = ["access-key"], ["reporter-ca"] = ["ca.crt"] }, WorkerSecrets.SecretNotFound, "spec.cluster.tlsSecretName" },
        { "empty Secret", new() { ["log-creds"] = [], ["full-creds"] = ["access-key"], ["pd-tls"] = [], ["reporter-ca"] = ["ca.crt"] }, WorkerSecrets.SecretKeyMissing, "(it has no keys)" },
        { "reporter CA key missing", new() { ["log-creds"] = ["access-key"], ["full-creds"] = ["access-key"], ["pd-tls"] = [], ["reporter-ca"] = ["tls.crt"] }, WorkerSecrets.SecretKeyMissing, "Operator__ReporterCaSecretName" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_missing_Secret_or_key_holds_the_worker_back_with_a_typed_reason(string because, Dictionary<string, string[]> present, string? reason, string? fragment)
    {
        var references = WorkerSecrets.Required(Pod(), Spec, "s-a1-token");

        var verdict = WorkerSecrets.Check(references, name => present.TryGetValue(name, out var keys) ? keys.ToHashSet() : null, "ns", SegmentPhase.Waiting);

        verdict?.Reason.Should().Be(reason, because);
        if (reason is null)
        {
            verdict.Should().BeNull(because);
            return;
        }

        verdict!.Phase.Should().Be(SegmentPhase.Waiting, because);
        verdict.Message.Should().Contain(fragment!, because).And.Contain("kubectl", because);
    }

    public static TheoryData<string, string[]?, string?, string?> SqlCases => new()
    {
        // because, keys of the SQL Secret (null: no Secret), expected reason, expected fragment
        { "user and password", ["user", "password"], null, null },
        { "more keys are fine", ["user", "password", "host"], null, null },
        { "no Secret", null, WorkerSecrets.SecretNotFound, "spec.cluster.sql.secretName: Secret \"tidb-sql\" was not found in namespace ns" },
        { "no password", ["user"], WorkerSecrets.SecretKeyMissing, "spec.cluster.sql.secretName: Secret \"tidb-sql\" in namespace ns has no key \"password\" (it has keys user)" },
        { "username instead of user", ["username", "password"], WorkerSecrets.SecretKeyMissing, "has no key \"user\"" },
        { "empty Secret", [], WorkerSecrets.SecretKeyMissing, "(it has no keys)" },
    };

    [Theory]
    [MemberData(nameof(SqlCases))]
    public void The_sql_Secret_needs_user_and_password_before_any_worker_starts(string because, string[]? keys, string? reason, string? fragment)
    {
        var spec = new PointRestoreSegmentSpec
        {
            Cluster = new ClusterSpec { Pd = "pd:2379", Sql = new ClusterSqlSpec { SecretName = "tidb-sql", Host = "tidb:4000" } },
            Log = Spec.Log,
            RestoredTs = "1000",
        };

        var verdict = WorkerSecrets.Check(WorkerSecrets.Sql(spec), name => keys?.ToHashSet(), "ns", SegmentPhase.Waiting);

        verdict?.Reason.Should().Be(reason, because);
        if (reason is null)
        {
            verdict.Should().BeNull(because);
            return;
        }

        verdict!.Message.Should().Contain(fragment!, because);
        WorkerSecrets.Sql(Spec).Should().BeEmpty("without spec.cluster.sql nothing more is needed");
    }

    private static V1Pod Pod() => new()
    {
        Metadata = new V1ObjectMeta { Name = "s-a1" },
        Spec = new V1PodSpec
        {
            InitContainers = [new V1Container { Name = "install-br", Image = "br" }],
            Containers =
            [
                new V1Container
                {
                    Name = "worker",
                    Image = "w",
                    Env =
                    [
                        Env("AWS_ACCESS_KEY_ID", "log-creds", "access-key"),
                        Env("FULL_KEY", "full-creds", "access-key"),
                        Env("AZURE_CLIENT_SECRET", "log-creds", "client-secret", optional: true),
                        Env("SEGRESTORE_TOKEN", "s-a1-token", "token"),
                        new V1EnvVar { Name = "PLAIN", Value = "v" },
                    ],
                },
            ],
            Volumes =
            [
                new V1Volume { Name = "tls", Secret = new V1SecretVolumeSource { SecretName = "pd-tls" } },
                new V1Volume { Name = "reporter-ca", Secret = new V1SecretVolumeSource { SecretName = "reporter-ca", Items = [new V1KeyToPath { Key = "ca.crt", Path = "ca.crt" }] } },
                new V1Volume { Name = "maybe", Secret = new V1SecretVolumeSource { SecretName = "optional-one", Optional = true } },
            ],
        },
    };

    private static V1EnvVar Env(string name, string secret, string key, bool optional = false) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key, Optional = optional ? true : null } },
    };
}
