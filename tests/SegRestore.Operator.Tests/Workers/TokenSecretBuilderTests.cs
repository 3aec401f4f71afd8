using System.Text;
using System.Text.Json;
using k8s;
using SegRestore.Api.Labels;
using SegRestore.Api.Serialization;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Tests.Workers;

public sealed class TokenSecretBuilderTests
{
    [Fact]
    public void The_token_secret_is_opaque_labelled_by_attempt_and_owned_by_the_segment()
    {
        var secret = TokenSecretBuilder.Build(WorkerPodFixture.Segment(), "root-uid-0", 2, "orders-1-a2-token", WorkerPodFixture.Token);

        secret.Metadata.Name.Should().Be("orders-1-a2-token");
        secret.Metadata.NamespaceProperty.Should().Be("tidb");
        secret.Type.Should().Be("Opaque");
        secret.Data.Should().ContainSingle().Which.Key.Should().Be(SegRestoreLabels.TokenSecretKey);
        Encoding.UTF8.GetString(secret.Data!["token"]).Should().Be(WorkerPodFixture.Token);
        secret.Metadata.Labels.Should().Equal(new Dictionary<string, string>
        {
            [SegRestoreLabels.Chain] = "root-uid-0",
            [SegRestoreLabels.SegmentUid] = "seg-uid-1",
            [SegRestoreLabels.Attempt] = "2",
            [SegRestoreLabels.ManagedBy] = "segrestore",
        });
        var owner = secret.Metadata.OwnerReferences.Should().ContainSingle().Subject;
        owner.Uid.Should().Be("seg-uid-1");
        owner.Kind.Should().Be("PointRestoreSegment");
        owner.Controller.Should().BeTrue();
    }

    [Fact]
    public void The_token_travels_base64_encoded_in_data()
    {
        var secret = TokenSecretBuilder.Build(WorkerPodFixture.Segment(), "r", 1, "s", WorkerPodFixture.Token);

        using var json = JsonDocument.Parse(KubernetesJson.Serialize(secret));

        json.RootElement.GetProperty("data").GetProperty("token").GetString()
            .Should().Be(Convert.ToBase64String(Encoding.UTF8.GetBytes(WorkerPodFixture.Token)));
    }
}
