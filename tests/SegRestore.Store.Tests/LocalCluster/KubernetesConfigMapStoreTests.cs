using SegRestore.Kube.Client;
using SegRestore.Store.ConfigMaps;

namespace SegRestore.Store.Tests.LocalCluster;

/// <summary>The adapter's contract (<see cref="IConfigMapStore"/>) against LocalCluster: status codes become the
/// ledger's exceptions, maps round-trip byte for byte, label lists page.</summary>
[Collection(LocalClusterLedgerFixture.Collection)]
public sealed class KubernetesConfigMapStoreTests(LocalClusterLedgerFixture cluster) : IAsyncLifetime
{
    private readonly KubernetesClient _client = cluster.NewClient();
    private KubernetesConfigMapStore _store = null!;

    public async Task InitializeAsync()
    {
        cluster.Time.Use(TimeProvider.System);
        _store = new KubernetesConfigMapStore(_client, await cluster.NewNamespaceAsync(_client, "adapter"), pageSize: 2);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_then_get_round_trips_labels_annotations_data_and_binary_data_exactly()
    {
        byte[] binary = [0, 1, 2, 0xff, 0xfe, 0x80, 0x7f];
        var created = await _store.CreateAsync(Sample("round-trip") with
        {
            Data = new Dictionary<string, string> { ["index.json"] = "{\"ü\":\"\\u0000 €\"}", ["format"] = "1" },
            BinaryData = new Dictionary<string, byte[]> { ["chunk.gz"] = binary },
        }, CancellationToken.None);

        var read = (await _store.GetAsync("round-trip", CancellationToken.None))!;

        read.ResourceVersion.Should().Be(created.ResourceVersion).And.NotBeNullOrEmpty();
        read.CreationTimestamp.Should().NotBeNull();
        read.Labels.Should().Equal(new Dictionary<string, string> { ["segrestore.io/ledger-kind"] = "blob", ["app.kubernetes.io/managed-by"] = "segrestore" });
        read.Annotations.Should().Equal(new Dictionary<string, string> { ["example.com/note"] = "kept, even with = and ," });
        read.Data.Should().Equal(new Dictionary<string, string> { ["index.json"] = "{\"ü\":\"\\u0000 €\"}", ["format"] = "1" });
        read.BinaryData.Keys.Should().Equal("chunk.gz");
        read.BinaryData["chunk.gz"].Should().Equal(binary);
    }

    [Fact]
    public async Task Get_of_a_missing_ConfigMap_is_null() =>
        (await _store.GetAsync("never-created", CancellationToken.None)).Should().BeNull();

    [Fact]
    public async Task Create_of_a_taken_name_raises_ConfigMapAlreadyExistsException()
    {
        await _store.CreateAsync(Sample("taken"), CancellationToken.None);

        await FluentActions.Awaiting(() => _store.CreateAsync(Sample("taken"), CancellationToken.None))
            .Should().ThrowAsync<ConfigMapAlreadyExistsException>().WithMessage("*taken*already exists*");
    }

    [Fact]
    public async Task Replace_with_a_stale_resourceVersion_raises_ConfigMapConflictException_and_keeps_the_newer_object()
    {
        var created = await _store.CreateAsync(Sample("contested"), CancellationToken.None);
        var newer = await _store.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["v"] = "newer" } }, CancellationToken.None);

        var stale = () => _store.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["v"] = "stale" } }, CancellationToken.None);

        await stale.Should().ThrowAsync<ConfigMapConflictException>();
        var stored = (await _store.GetAsync("contested", CancellationToken.None))!;
        stored.Data["v"].Should().Be("newer");
        stored.ResourceVersion.Should().Be(newer.ResourceVersion);
    }

    [Fact]
    public async Task Replace_of_a_vanished_ConfigMap_is_a_conflict()
    {
        var created = await _store.CreateAsync(Sample("vanishing"), CancellationToken.None);
        await _store.DeleteAsync("vanishing", null, CancellationToken.None);

        await FluentActions.Awaiting(() => _store.ReplaceAsync(created, CancellationToken.None)).Should().ThrowAsync<ConfigMapConflictException>();
    }

    [Fact]
    public async Task Replace_without_a_resourceVersion_is_refused_rather_than_sent_unconditionally()
    {
        await _store.CreateAsync(Sample("unconditional"), CancellationToken.None);

        await FluentActions.Awaiting(() => _store.ReplaceAsync(Sample("unconditional"), CancellationToken.None))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*resourceVersion*");
    }

    [Fact]
    public async Task Delete_with_a_stale_resourceVersion_is_a_conflict_and_deletes_nothing()
    {
        var created = await _store.CreateAsync(Sample("guarded"), CancellationToken.None);
        await _store.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["v"] = "2" } }, CancellationToken.None);

        await FluentActions.Awaiting(() => _store.DeleteAsync("guarded", created.ResourceVersion, CancellationToken.None))
            .Should().ThrowAsync<ConfigMapConflictException>();
        (await _store.GetAsync("guarded", CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Delete_with_the_current_resourceVersion_deletes_and_a_missing_object_is_no_error()
    {
        var created = await _store.CreateAsync(Sample("doomed"), CancellationToken.None);

        await _store.DeleteAsync("doomed", created.ResourceVersion, CancellationToken.None);
        await _store.DeleteAsync("doomed", null, CancellationToken.None);

        (await _store.GetAsync("doomed", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task List_selects_by_every_label_across_pages_and_drops_data_when_not_asked_for()
    {
        for (var i = 0; i < 5; i++)
        {
            await _store.CreateAsync(Sample($"blob-{i}") with { BinaryData = new Dictionary<string, byte[]> { ["chunk.gz"] = [(byte)i] } }, CancellationToken.None);
        }

        await _store.CreateAsync(Sample("other-kind") with
        {
            Labels = new Dictionary<string, string> { ["segrestore.io/ledger-kind"] = "index", ["app.kubernetes.io/managed-by"] = "segrestore" },
        }, CancellationToken.None);
        var blobs = new Dictionary<string, string> { ["segrestore.io/ledger-kind"] = "blob", ["app.kubernetes.io/managed-by"] = "segrestore" };

        var withData = await _store.ListAsync(blobs, includeData: true, CancellationToken.None);
        var withoutData = await _store.ListAsync(blobs, includeData: false, CancellationToken.None);

        withData.Select(c => c.Name).Should().BeEquivalentTo(["blob-0", "blob-1", "blob-2", "blob-3", "blob-4"]);
        withData.Single(c => c.Name == "blob-3").BinaryData["chunk.gz"].Should().Equal(3);
        withoutData.Select(c => c.Name).Should().BeEquivalentTo(withData.Select(c => c.Name));
        withoutData.Should().OnlyContain(c => c.BinaryData.Count == 0 && c.Data.Count == 0 && c.CreationTimestamp != null && c.ResourceVersion != null);
    }

    private static ConfigMapObject Sample(string name) => new(
        name,
        null,
        new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "segrestore", ["segrestore.io/ledger-kind"] = "blob" },
        new Dictionary<string, string> { ["v"] = "1" },
        new Dictionary<string, byte[]>())
    {
        Annotations = new Dictionary<string, string> { ["example.com/note"] = "kept, even with = and ," },
    };
}
