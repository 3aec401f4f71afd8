using System.Text;
using k8s;
using k8s.Models;
using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.OfficialClient;

/// <summary>Issue [k8s-client] item 7: the API through a client nobody here wrote (KubernetesClient 21): typed CRUD.</summary>
[Collection(SharedCluster.Name)]
[Trait("Category", "Contract")]
public sealed class OfficialCrudTests(ClusterFixture cluster) : OfficialClientTest(cluster)
{
    [Fact]
    public async Task A_config_map_is_created_read_replaced_listed_by_label_and_deleted()
    {
        var ns = await Cluster.NewNamespace();
        var created = await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "one", Labels = new Dictionary<string, string> { ["app"] = "a" } }, Data = new Dictionary<string, string> { ["k"] = "v" } }, ns);

        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        created.Metadata.CreationTimestamp.Should().NotBeNull();
        created.Metadata.NamespaceProperty.Should().Be(ns);

        var read = await Client.CoreV1.ReadNamespacedConfigMapAsync("one", ns);
        read.Data["k"].Should().Be("v");
        read.Data["k"] = "w";
        var replaced = await Client.CoreV1.ReplaceNamespacedConfigMapAsync(read, "one", ns);
        replaced.Data["k"].Should().Be("w");
        replaced.Metadata.ResourceVersion.Should().NotBe(created.Metadata.ResourceVersion);

        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "two" } }, ns);
        var labelled = await Client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "app=a");
        labelled.Items.Select(c => c.Metadata.Name).Should().Equal("one");
        labelled.Metadata.ResourceVersion.Should().NotBeNullOrEmpty();

        await Client.CoreV1.DeleteNamespacedConfigMapAsync("one", ns);
        var gone = await Client.CoreV1.ReadNamespacedConfigMapAsync("one", ns).AsStatus();
        gone.Code.Should().Be(404);
        gone.Reason.Should().Be("NotFound");
    }

    [Fact]
    public async Task A_secrets_string_data_is_stored_as_base64_data()
    {
        var ns = await Cluster.NewNamespace();
        await Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "creds" }, StringData = new Dictionary<string, string> { ["token"] = "s3cr3t" } }, ns);

        var read = await Client.CoreV1.ReadNamespacedSecretAsync("creds", ns);

        Encoding.UTF8.GetString(read.Data["token"]).Should().Be("s3cr3t");
        read.StringData.Should().BeNull();
        read.Type.Should().Be("Opaque");
    }

    [Fact]
    public async Task A_create_of_an_existing_name_is_409_already_exists()
    {
        var ns = await Cluster.NewNamespace();
        await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dup" } }, ns);

        var status = await Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dup" } }, ns).AsStatus();

        status.Code.Should().Be(409);
        status.Reason.Should().Be("AlreadyExists");
        status.Details.Name.Should().Be("dup");
    }
}
