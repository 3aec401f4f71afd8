using SegRestore.E2E.Tests.Infrastructure;

namespace SegRestore.E2E.Tests.Scenarios;

/// <summary>The allow-list itself grants nothing a security review forbids (no wildcards, no Secret listing, no exec,
/// no escalation). <see cref="SecretScanTests"/> checks the operator's real calls against it.</summary>
public sealed class RbacAllowListTests
{
    [Fact]
    public void The_allow_list_grants_no_forbidden_right_and_no_wildcard()
    {
        foreach (var (group, resource, verb, why) in OperatorRbacAllowList.Forbidden)
        {
            (OperatorRbacAllowList.Allowed.TryGetValue((group, resource), out var verbs) && verbs.Contains(verb))
                .Should().BeFalse("{0} {1}/{2} is forbidden: {3}", verb, group, resource, why);
        }

        OperatorRbacAllowList.Allowed.Keys.Should().NotContain(k => k.Group == "*" || k.Resource == "*");
        OperatorRbacAllowList.Allowed.Values.SelectMany(v => v).Should().NotContain(["*", "deletecollection", "escalate", "bind", "impersonate"]);
    }
}
