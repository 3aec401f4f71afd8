using System.Text.RegularExpressions;
using SegRestore.Operator.Workers;

namespace SegRestore.Operator.Tests.Workers;

public sealed partial class AttemptNamesTests
{
    private static readonly string Sixty = new('s', 60);
    private static readonly string Long = "orders-" + new string('x', 200);

    [Theory]
    [InlineData("orders-1", 1, "orders-1-a1")]
    [InlineData("orders-1", 12, "orders-1-a12")]
    public void Short_names_are_segment_dash_a_attempt(string segment, int attempt, string expected)
    {
        AttemptNames.Pod(segment, attempt).Should().Be(expected);
        AttemptNames.TokenSecret(segment, attempt).Should().Be(expected + "-token");
    }

    [Fact]
    public void A_pod_name_of_exactly_63_characters_is_kept_whole()
    {
        var name = AttemptNames.Pod(Sixty, 1);

        name.Should().Be(Sixty + "-a1").And.HaveLength(63);
    }

    public static TheoryData<string, int> NamesThatNeedShortening => new()
    {
        { Sixty + "s", 1 },
        { Sixty, 10 },
        { Long, 3 },
        { new string('z', 253), 999 },
        { "orders.prod.v1", 1 },
        { "a" + new string('-', 70) + "b", 1 },
    };

    [Theory]
    [MemberData(nameof(NamesThatNeedShortening))]
    public void Long_or_dotted_names_become_valid_labels_with_a_hash_and_the_attempt(string segment, int attempt)
    {
        var pod = AttemptNames.Pod(segment, attempt);
        var secret = AttemptNames.TokenSecret(segment, attempt);

        pod.Should().MatchRegex(Dns1123Label().ToString()).And.EndWith("-a" + attempt);
        pod.Length.Should().BeLessThanOrEqualTo(63);
        pod.Should().MatchRegex("-[0-9a-f]{6}-a[0-9]+$");
        secret.Should().Be(pod + "-token").And.MatchRegex(Dns1123Subdomain().ToString());
        AttemptNames.Pod(segment, attempt).Should().Be(pod, "names are found again by computing them");
    }

    [Theory]
    [InlineData("-1", "-2")]
    [InlineData(".v1", "-v1")]
    public void Two_names_that_differ_only_past_the_cut_or_in_a_dot_get_different_names(string endA, string endB)
    {
        var a = AttemptNames.Pod(Long + endA, 1);
        var b = AttemptNames.Pod(Long + endB, 1);

        a.Should().NotBe(b);
        AttemptNames.TokenSecret(Long + endA, 1).Should().NotBe(AttemptNames.TokenSecret(Long + endB, 1));
    }

    [Fact]
    public void A_dotted_name_and_its_dashed_twin_do_not_collide() =>
        AttemptNames.Pod("orders.1", 1).Should().NotBe(AttemptNames.Pod("orders-1", 1));

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    [InlineData(241)]
    [InlineData(242)]
    [InlineData(253)]
    public void The_tiflash_sql_config_map_name_fits_a_dns_subdomain(int length)
    {
        var segment = new string('t', length);

        var name = AttemptNames.TiFlashSqlConfigMap(segment);

        name.Length.Should().BeLessThanOrEqualTo(253);
        name.Should().EndWith("-tiflash-sql").And.MatchRegex(Dns1123Subdomain().ToString());
        if (length + "-tiflash-sql".Length <= 253)
        {
            name.Should().Be(segment + "-tiflash-sql");
        }
    }

    [Fact]
    public void Long_config_map_names_differing_at_the_end_do_not_collide() =>
        AttemptNames.TiFlashSqlConfigMap(new string('t', 250) + "a")
            .Should().NotBe(AttemptNames.TiFlashSqlConfigMap(new string('t', 250) + "b"));

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();
}
