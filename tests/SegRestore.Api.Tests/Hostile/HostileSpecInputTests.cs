using FsCheck;
using FsCheck.Fluent;
using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Tests.Hostile;

/// <summary>
/// Issue 11 "Hostile input" for the pure validation the operator runs on every spec: any text in any field gives a
/// verdict (never an exception), and a verdict's message stays small enough for a status condition (the CRD caps a
/// condition message at 32768 characters; an echoed 1 MiB value would make the status write fail forever).
/// </summary>
public class HostileSpecInputTests
{
    private static readonly string Huge = new('a', 1 << 20);

    private static readonly string[] NearTimestamps =
    [
        "2026-01-22T00:39:25", "2026-01-22 00:39:25", "2026-01-22", "2026-02-30T00:00:00Z", "2026-01-22T24:00:00Z",
        "2026-01-22T00:39:25+24:00", "2026-01-22T00:39:25+0860", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-23:59",
        "1969-12-31T23:59:59Z", "4199-12-31T00:00:00Z", "18446744073709551616", "00000000000000000000001", "-1", "+5", "1e9",
        "2026-01-22T00:39:25.1234567890Z", "2026-01-22T00:39:25Z ", " 2026-01-22T00:39:25Z", "٢٠٢٦-01-22T00:39:25Z",
        "2026-01-22T00:39:25\nZ", "$(date)", "`date`", "2026-01-22T00:39:25Z;rm -rf /", "",
    ];

    [Fact]
    public void Timestamp_parser_answers_any_text_with_a_tso_or_an_error_naming_the_field()
    {
        var text = Gen.OneOf(Gen.Elements(NearTimestamps), ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? ""),
            from a in Gen.Elements(NearTimestamps)
            from b in ArbMap.Default.ArbFor<char>().Generator
            from at in Gen.Choose(0, 40)
            select a.Length == 0 ? b.ToString() : a.Insert(Math.Min(at, a.Length), b.ToString()));

        Prop.ForAll(text.ToArbitrary(), s =>
            TimestampParser.TryParse(s, "spec.restoredTs", out _, out var error)
            || (error.StartsWith("spec.restoredTs", StringComparison.Ordinal) && error.Length < 2000))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(5000));
    }

    [Fact]
    public void Spec_rules_give_a_verdict_for_any_text_in_any_field()
    {
        var text = Gen.OneOf(Gen.Elements(NearTimestamps), ArbMap.Default.ArbFor<string>().Generator,
            Gen.Elements("--ratelimit=$(id)", "--pd=x", "-u", "--", "---", "--a=b c", "db.*", "!db.t", "*.*", "`t`.`x`", "s3://b/$(id)", "local:///a/../b"));
        var spec = from pd in text
                   from previous in text
                   from full in text
                   from log in text
                   from start in text
                   from restored in text
                   from filter in text.ListOf()
                   from extra in text.ListOf()
                   from checkpoint in text
                   select new PointRestoreSegmentSpec
                   {
                       Cluster = new ClusterSpec { Pd = pd ?? "" },
                       PreviousSegment = previous,
                       FullBackup = full is null ? null : new StorageSpec { Url = full },
                       Log = new StorageSpec { Url = log ?? "" },
                       StartTs = start,
                       RestoredTs = restored,
                       Checkpoint = checkpoint is null ? null : new CheckpointSpec { Mode = CheckpointMode.External, Url = checkpoint },
                       Br = new BrSpec { Filter = [.. filter.Select(f => f ?? "")], ExtraArgs = [.. extra.Select(e => e ?? "")] },
                   };

        Prop.ForAll(spec.ToArbitrary(), s => SegmentSpecRules.Check(s) is not { } v || v.Message.Length <= ChainViolation.MaxMessageLength)
            .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    public static TheoryData<string, Action<PointRestoreSegmentSpec>, ChainReason, string> OversizeFields => new()
    {
        { "spec.cluster.pd", s => s.Cluster.Pd = Huge + ":2379", ChainReason.InvalidSpec, "shorten it" },
        { "spec.cluster.pd", s => s.Cluster.Pd = "pd:2379;" + new string('a', 4000), ChainReason.InvalidSpec, "write e.g." },
        { "spec.br.image", s => s.Br = new BrSpec { Image = "pingcap/br:" + Huge }, ChainReason.InvalidSpec, "shorten it" },
        { "spec.br.image", s => s.Br = new BrSpec { Image = "pingcap/br:v8 --privileged" }, ChainReason.InvalidSpec, "write an image reference" },
        { "spec.fullBackup.s3.endpoint", s => s.FullBackup!.S3 = new S3StorageOptions { Endpoint = Huge }, ChainReason.InvalidSpec, "shorten it" },
        { "spec.log.url", s => s.Log.Url = "s3://bucket/" + Huge, ChainReason.InvalidSpec, "shorten it" },
        { "spec.log.url", s => s.Log.Url = "ftp://" + new string('a', 4000), ChainReason.InvalidSpec, "use s3://" },
        { "spec.restoredTs", s => s.RestoredTs = "2026-01-22T" + Huge, ChainReason.InvalidTimestamp, "Accepted:" },
        { "spec.br.filter[0]", s => s.Br = new BrSpec { Filter = ["db" + Huge] }, ChainReason.InvalidFilter, "write the rule as db.table wildcards" },
        { "spec.br.extraArgs[0]", s => s.Br = new BrSpec { ExtraArgs = ["--ratelimit=" + Huge] }, ChainReason.ForbiddenExtraArg, "shorten it" },
        { "spec.br.extraArgs[0]", s => s.Br = new BrSpec { ExtraArgs = ["--x " + new string('a', 4000)] }, ChainReason.ForbiddenExtraArg, "join a flag and its value with '='" },
        { "spec.checkpoint.url", s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.External, Url = "s3://b/" + Huge }, ChainReason.InvalidSpec, "shorten it" },
    };

    [Theory]
    [MemberData(nameof(OversizeFields))]
    public void A_one_mebibyte_value_gets_a_bounded_message_that_still_names_the_field_and_the_fix(
        string field, Action<PointRestoreSegmentSpec> spoil, ChainReason reason, string fix)
    {
        var spec = new PointRestoreSegmentSpec
        {
            Cluster = new ClusterSpec { Pd = "127.0.0.1:2379" },
            FullBackup = new StorageSpec { Url = "s3://b/full" },
            Log = new StorageSpec { Url = "s3://b/log" },
            RestoredTs = "463736294698909699",
        };
        spoil(spec);

        var violation = SegmentSpecRules.Check(spec);

        violation.Should().NotBeNull();
        violation!.Reason.Should().Be(reason);
        violation.Message.Length.Should().BeLessThanOrEqualTo(ChainViolation.MaxMessageLength);
        violation.Message.Should().StartWith(field).And.Contain(fix);
    }

    [Fact]
    public void Bounding_never_splits_a_surrogate_pair()
    {
        var message = "spec.log.url: \"" + string.Concat(Enumerable.Repeat("😀", 5000)) + "\" fix it";

        var bounded = new ChainViolation(ChainReason.InvalidSpec, message).Message;

        bounded.Length.Should().BeLessThanOrEqualTo(ChainViolation.MaxMessageLength);
        bounded.Where(char.IsSurrogate).Should().HaveCount(bounded.Count(char.IsHighSurrogate) * 2);
        bounded.Should().EndWith("\" fix it");
    }
}
