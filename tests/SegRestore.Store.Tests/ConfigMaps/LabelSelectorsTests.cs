using SegRestore.Store.ConfigMaps;

namespace SegRestore.Store.Tests.ConfigMaps;

public sealed class LabelSelectorsTests
{
    public static TheoryData<Dictionary<string, string>, string> Valid => new()
    {
        { new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, "a=1,b=2" },
        { new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "segrestore" }, "app.kubernetes.io/managed-by=segrestore" },
        { new Dictionary<string, string> { ["segrestore.io/ledger-chain"] = "0123456789abcdef0123456789abcdef" }, "segrestore.io/ledger-chain=0123456789abcdef0123456789abcdef" },
        { new Dictionary<string, string> { ["k"] = "" }, "k=" },
        { new Dictionary<string, string>(), "" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Equality_selectors_are_sorted_and_joined(Dictionary<string, string> labels, string expected) =>
        LabelSelectors.Equality(labels).Should().Be(expected);

    [Theory]
    [InlineData("k", "a,b", "Label value 'a,b'")]
    [InlineData("k", "a=b", "Label value 'a=b'")]
    [InlineData("k", "-leading", "Label value '-leading'")]
    [InlineData("a,b", "v", "Label key 'a,b'")]
    [InlineData("", "v", "Label key ''")]
    [InlineData("Upper.Prefix/name", "v", "Label key 'Upper.Prefix/name'")]
    public void Keys_or_values_that_would_change_the_selector_are_refused(string key, string value, string named) =>
        FluentActions.Invoking(() => LabelSelectors.Equality(new Dictionary<string, string> { [key] = value }))
            .Should().Throw<ArgumentException>().WithMessage($"{named}*");
}
