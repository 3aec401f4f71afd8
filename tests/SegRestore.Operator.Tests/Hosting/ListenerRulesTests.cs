using SegRestore.Operator.Hosting;

namespace SegRestore.Operator.Tests.Hosting;

public class ListenerRulesTests
{
    public static TheoryData<EndpointListener, bool, bool> Cases => new()
    {
        { EndpointListener.Reporter, true, true },
        { EndpointListener.Reporter, false, false },
        { EndpointListener.Http, false, true },
        { EndpointListener.Http, true, false },
        { EndpointListener.Any, true, true },
        { EndpointListener.Any, false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_endpoint_is_routed_only_on_its_own_listener(EndpointListener owner, bool onReporterListener, bool routed) =>
        ListenerRules.Routes(owner, onReporterListener).Should().Be(routed);
}
