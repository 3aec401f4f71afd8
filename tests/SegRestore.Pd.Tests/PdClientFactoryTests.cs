using Microsoft.Extensions.DependencyInjection;
using SegRestore.Pd.Testing;

namespace SegRestore.Pd.Tests;

public sealed class PdClientFactoryTests
{
    [Fact]
    public async Task Registered_factory_creates_working_clients()
    {
        await using var pd = await FakePdServer.StartAsync();
        using var provider = new ServiceCollection().AddLogging().AddPdClient().BuildServiceProvider();
        var factory = provider.GetRequiredService<PdClientFactory>();

        using var client = factory(new PdClientOptions { Addresses = pd.Address.ToString() });
        var members = await client.GetMembersAsync(CancellationToken.None);

        members.ClusterId.Should().Be(pd.ClusterId);
    }

    [Fact]
    public void A_factory_registered_first_is_kept()
    {
        PdClientFactory fake = _ => throw new InvalidOperationException("fake");
        using var provider = new ServiceCollection().AddSingleton(fake).AddPdClient().BuildServiceProvider();

        provider.GetRequiredService<PdClientFactory>().Should().BeSameAs(fake);
    }
}
