using SegRestore.Api.Chain;
using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;
using static SegRestore.Api.Tests.Chain.ChainFixtures;

namespace SegRestore.Api.Tests.Chain;

/// <summary>The chain-rule table, by case name. Ready and Waiting cases first, then Invalid and Failed.</summary>
internal static class ChainRuleCases
{
    public static IReadOnlyDictionary<string, ChainRuleCase> All { get; } = Build();

    private static Dictionary<string, ChainRuleCase> Build()
    {
        var s0 = Root();
        var s1 = Next("s1", "s0", "2000", SegmentPhase.Succeeded);
        var cases = new Dictionary<string, ChainRuleCase>
        {
            ["Root_alone_is_ready_at_index_0"] = new(Root(phase: null), View(), ChainOutcome.Ready, null, "segment 0",
                e => { e.Index.Should().Be(0); e.StartTs.Should().BeNull(); e.RestoredTs.Should().Be(new Tso(1000)); e.RootName.Should().Be("s0"); }),
            ["Second_segment_starts_at_the_previous_restored_tso"] = new(Next("s1", "s0", "2000"), View(s0), ChainOutcome.Ready, null, "segment 1",
                e => { e.Index.Should().Be(1); e.StartTs.Should().Be(new Tso(1000)); e.RestoredTs.Should().Be(new Tso(2000)); e.RootUid.Should().Be("uid-s0"); }),
            ["Third_segment_is_index_2"] = new(Next("s2", "s1", "3000", last: true), View(s0, s1), ChainOutcome.Ready, null, "segment 2",
                e => { e.Index.Should().Be(2); e.Last.Should().BeTrue(); e.StartTs.Should().Be(new Tso(2000)); }),
            ["Manifests_in_any_order_give_the_same_result"] = new(Next("s2", "s1", "3000"), View(s1, Next("s3", "s2", "4000"), s0), ChainOutcome.Ready, null, "segment 2",
                e => e.Index.Should().Be(2)),
            ["Explicit_startTs_equal_to_previous_is_accepted"] = new(Next("s1", "s0", "2000", edit: s => s.StartTs = "1000"), View(s0), ChainOutcome.Ready, null, "may run"),
            ["StartTs_as_timestamp_equal_to_previous_tso_is_accepted"] = new(
                Next("s1", "s0", "2026-01-22T00:00:01Z", edit: s => s.StartTs = "2026-01-22 08:00:00+0800"),
                View(Root(restoredTs: "2026-01-22T00:00:00Z")), ChainOutcome.Ready, null, "may run",
                e => e.StartTs.Should().Be(Tso.FromParts(1769040000000, 0))),
            ["Open_ended_last_segment_is_ready_without_restored_tso"] = new(Next("s1", "s0", null, last: true), View(s0), ChainOutcome.Ready, null, "may run",
                e => { e.RestoredTs.Should().BeNull(); e.Last.Should().BeTrue(); }),
            ["Previous_restored_tso_from_status_wins_over_its_spec"] = new(Next("s1", "s0", "5000"),
                View(s0 with { RestoredTs = new Tso(1500) }), ChainOutcome.Ready, null, "may run", e => e.StartTs.Should().Be(new Tso(1500))),
            ["Single_segment_chain_runs_with_a_br_that_cannot_do_segments"] = new(Root(phase: null, edit: s => s.Last = true),
                View() with { Runtime = new RuntimeFacts(BrCapability: BrDialect.None) }, ChainOutcome.Ready, null, "may run"),
            ["Predecessor_deleted_after_success_is_found_in_the_ledger"] = new(Next("s2", "s1", "3000"),
                View() with { Ledger = Ledger(settings: ChainSettings.OfRoot(RootSpec()), segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000)]) },
                ChainOutcome.Ready, null, "segment 2", e => { e.Index.Should().Be(2); e.StartTs.Should().Be(new Tso(2000)); e.RootName.Should().Be("s0"); }),
            ["Failed_segment_recreated_with_another_range_replaces_it_when_BR_wrote_nothing"] = new(Next("s1", "s0", "1800") with { Uid = "uid-s1-new" },
                View(s0) with { Ledger = Ledger(segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000, succeeded: false) with { WroteNothing = true }]) },
                ChainOutcome.Ready, null, "in place of s1", e => { e.Index.Should().Be(1); e.ReplacesUid.Should().Be("uid-s1"); e.RestoredTs.Should().Be(new Tso(1800)); }),
            ["Segment_deleted_while_running_and_reapplied_takes_its_place_with_the_same_range"] = new(Next("s1", "s0", "2000") with { Uid = "uid-s1-new" },
                View(s0) with { Ledger = Ledger(segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000, succeeded: false)]) },
                ChainOutcome.Ready, null, "in place of s1", e => e.ReplacesUid.Should().Be("uid-s1")),
            ["Failed_sibling_still_present_is_replaced_by_a_new_name"] = new(Next("s1b", "s0", "1800"),
                View(s0, Next("s1", "s0", "2000", SegmentPhase.Failed)) with { Ledger = Ledger(segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000, succeeded: false) with { WroteNothing = true }]) },
                ChainOutcome.Ready, null, "in place of s1", e => e.ReplacesUid.Should().Be("uid-s1")),
            ["Lost_status_write_is_rebuilt_from_the_ledger"] = new(Next("s1", "s0", "2000"),
                View(Root(phase: SegmentPhase.Running)) with { Ledger = Ledger(segments: [Recorded("s0", 0, 1000)]) }, ChainOutcome.Ready, null, "may run"),
            ["Cluster_lease_held_by_this_chain_is_no_obstacle"] = new(Next("s1", "s0", "2000"),
                View(s0) with { Runtime = new RuntimeFacts(LeaseHolderChain: "uid-s0") }, ChainOutcome.Ready, null, "may run"),
            ["Started_segment_keeps_its_place_when_a_rival_appears"] = new(Next("s1", "s0", "2000", SegmentPhase.Running),
                View(s0, Next("s1b", "s0", "2500")), ChainOutcome.Ready, null, "may run"),
            ["Later_segment_inherits_an_external_checkpoint"] = new(Next("s1", "s0", "2000"),
                View(Root(edit: s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.External, Url = "s3://ckpt/x" })), ChainOutcome.Ready, null, "may run"),
            ["Later_segment_may_repeat_the_checkpoint_with_a_trailing_slash"] = new(Next("s1", "s0", "2000", edit: s => s.Checkpoint = new CheckpointSpec { Url = "s3://ckpt/x/" }),
                View(Root(edit: s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.External, Url = "s3://ckpt/x" })), ChainOutcome.Ready, null, "may run"),
            ["Hold_does_not_stop_a_running_attempt"] = new(Next("s1", "s0", "2000", SegmentPhase.Running, edit: s => s.Hold = true), View(s0), ChainOutcome.Ready, null, "may run"),
            ["Pd_written_with_scheme_and_other_order_is_the_same_cluster"] = new(
                Next("s1", "s0", "2000", edit: s => s.Cluster.Pd = "http://PD-B:2379, http://pd-a:2379"),
                View(Root(edit: s => s.Cluster.Pd = "pd-a:2379,pd-b:2379")), ChainOutcome.Ready, null, "may run"),
            ["Valid_filter_that_excludes_every_system_database_is_accepted"] = new(
                Root(phase: null, edit: s => s.Br!.Filter = ["*.*", "!mysql.*", "!sys.*", "!information_schema.*", "!PERFORMANCE_SCHEMA.*", "!`METRICS_SCHEMA`.*"]),
                View(), ChainOutcome.Ready, null, "may run"),
            ["Filter_of_user_databases_is_accepted"] = new(Root(phase: null, edit: s => s.Br!.Filter = ["orders.*", "shop.t[0-9]", "!shop.tmp_*"]), View(), ChainOutcome.Ready, null, "may run"),

            // Waiting
            ["Missing_previous_waits"] = new(Next("s1", "s0", "2000"), View(), ChainOutcome.Waiting, ChainReason.PreviousNotFound, "\"s0\" does not exist"),
            ["Missing_earlier_ancestor_waits"] = new(Next("s2", "s1", "3000"), View(Next("s1", "s0", "2000")), ChainOutcome.Waiting, ChainReason.PreviousNotFound, "earlier segment"),
            ["Failed_previous_waits"] = new(Next("s1", "s0", "2000"), View(Root(phase: SegmentPhase.Failed)), ChainOutcome.Waiting, ChainReason.PredecessorFailed, "\"s0\" is Failed"),
            ["Invalid_previous_waits"] = new(Next("s1", "s0", "2000"), View(Root(phase: SegmentPhase.Invalid)), ChainOutcome.Waiting, ChainReason.PredecessorFailed, "\"s0\" is Invalid"),
            ["Running_previous_waits"] = new(Next("s1", "s0", "2000"), View(Root(phase: SegmentPhase.Running)), ChainOutcome.Waiting, ChainReason.PredecessorIncomplete, "\"s0\" has not Succeeded yet",
                e => { e.Index.Should().Be(1); e.RootName.Should().Be("s0"); }),
            ["Unevaluated_previous_waits"] = new(Next("s1", "s0", "2000"), View(Root(phase: null)), ChainOutcome.Waiting, ChainReason.PredecessorIncomplete, "\"s0\" has not Succeeded yet"),
            ["Waiting_previous_waits"] = new(Next("s2", "s1", "3000"), View(s0, Next("s1", "s0", "2000", SegmentPhase.Waiting)), ChainOutcome.Waiting, ChainReason.PredecessorIncomplete, "\"s1\" has not Succeeded yet"),
            ["Held_segment_waits"] = new(Next("s1", "s0", "2000", edit: s => s.Hold = true), View(s0), ChainOutcome.Waiting, ChainReason.Held, "spec.hold is true"),
            ["Held_root_waits"] = new(Root(phase: null, edit: s => s.Hold = true), View(), ChainOutcome.Waiting, ChainReason.Held, "spec.hold: false"),
            ["Cluster_busy_with_another_chain_waits"] = new(Next("s1", "s0", "2000"),
                View(s0) with { Runtime = new RuntimeFacts(LeaseHolderChain: "uid-other") }, ChainOutcome.Waiting, ChainReason.ClusterBusy, "another chain (uid-other)"),
            ["Restore_point_an_hour_ahead_waits_for_its_time"] = new(Root(phase: null, restoredTs: "2026-12-03T11:00:00Z"),
                View() with { Runtime = new RuntimeFacts(Now: Now) }, ChainOutcome.Waiting, ChainReason.RestoredTsInFuture, "starts once that time has passed"),
            ["Restore_point_within_the_clock_skew_is_ready"] = new(Root(phase: null, restoredTs: "2026-12-03T10:00:30Z"),
                View() with { Runtime = new RuntimeFacts(Now: Now) }, ChainOutcome.Ready, null, "may run"),
            ["Predecessor_wait_comes_before_hold"] = new(Next("s1", "s0", "2000", edit: s => s.Hold = true), View(Root(phase: SegmentPhase.Running)),
                ChainOutcome.Waiting, ChainReason.PredecessorIncomplete, "\"s0\""),
        };
        AddInvalidCases(cases, s0, s1);
        AddFailedCases(cases, s0);
        TidbClusterChainCases.Add(cases);
        return cases;
    }

    private static DateTimeOffset Now => new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static void AddInvalidCases(Dictionary<string, ChainRuleCase> cases, ChainMember s0, ChainMember s1)
    {
        var external = Root(edit: s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.External, Url = "s3://ckpt/x" });
        var started = Next("s1", "s0", "2000", SegmentPhase.Running);
        var add = (string name, ChainMember self, ChainView view, ChainReason reason, string fragment) =>
            cases.Add(name, new ChainRuleCase(self, view, ChainOutcome.Invalid, reason, fragment));

        add("Spec_changed_after_start_is_refused", started with { Spec = NextSpec("s0", "2500") },
            View(s0) with { Ledger = Ledger(segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, null, false, specHash: SpecFingerprint.Compute(started.Spec))]) },
            ChainReason.SpecChangedAfterStart, "only spec.hold and spec.retry may change");
        add("Missing_pd_is_invalid", Root(phase: null, edit: s => s.Cluster.Pd = ""), View(), ChainReason.InvalidSpec, "spec.cluster.pd is required");
        add("Pd_without_port_is_invalid", Root(phase: null, edit: s => s.Cluster.Pd = "pd-a:2379,pd-b"), View(), ChainReason.InvalidSpec, "\"pd-b\" is not host:port");
        add("Pd_port_out_of_range_is_invalid", Root(phase: null, edit: s => s.Cluster.Pd = "pd-a:99999"), View(), ChainReason.InvalidSpec, "not a number from 1 to 65535");
        add("Pd_port_zero_is_invalid", Root(phase: null, edit: s => s.Cluster.Pd = "pd-a:0"), View(), ChainReason.InvalidSpec, "\"pd-a:0\" is not host:port");
        add("Pd_with_a_path_is_invalid", Root(phase: null, edit: s => s.Cluster.Pd = "http://pd-a:2379/pd/api"), View(), ChainReason.InvalidSpec, "has a path");
        add("Worker_env_of_the_operators_own_prefix_is_invalid", Root(phase: null, edit: s => s.Worker = new WorkerSpec { Env = [new WorkerEnvVar { Name = "SEGRESTORE_TOKEN", Value = "x" }] }), View(), ChainReason.InvalidSpec, "spec.worker.env[0].name: \"SEGRESTORE_TOKEN\" is set by the operator (its own settings)");
        add("Worker_env_tmpdir_is_invalid", Root(phase: null, edit: s => s.Worker = new WorkerSpec { Env = [new WorkerEnvVar { Name = "TMPDIR", Value = "/x" }] }), View(), ChainReason.InvalidSpec, "\"TMPDIR\" is set by the operator");
        add("Worker_env_credential_taken_from_a_secret_is_invalid", Root(phase: null, edit: s => { s.Log.SecretName = "s3-creds"; s.Worker = new WorkerSpec { Env = [new WorkerEnvVar { Name = "AWS_ACCESS_KEY_ID", Value = "x" }] }; }), View(), ChainReason.InvalidSpec, "is set by the operator from spec.fullBackup.secretName (\"s3-creds\")");
        add("Worker_env_twice_is_invalid", Root(phase: null, edit: s => s.Worker = new WorkerSpec { Env = [new WorkerEnvVar { Name = "AWS_REGION", Value = "a" }, new WorkerEnvVar { Name = "AWS_REGION", Value = "b" }] }), View(), ChainReason.InvalidSpec, "appears twice");
        add("Worker_env_with_value_and_secret_is_invalid", Root(phase: null, edit: s => s.Worker = new WorkerSpec { Env = [new WorkerEnvVar { Name = "A", Value = "a", ValueFrom = new WorkerEnvVarSource { SecretKeyRef = new WorkerSecretKeySelector { Name = "s", Key = "k" } } }] }), View(), ChainReason.InvalidSpec, "needs exactly one of value and valueFrom.secretKeyRef");
        add("Worker_env_without_a_value_is_invalid", Root(phase: null, edit: s => s.Worker = new WorkerSpec { Env = [new WorkerEnvVar { Name = "A" }] }), View(), ChainReason.InvalidSpec, "needs exactly one of value and valueFrom.secretKeyRef");
        add("Affinity_that_is_no_core_v1_affinity_is_invalid", Root(phase: null, edit: s => s.Worker = new WorkerSpec
        {
            Affinity = System.Text.Json.JsonDocument.Parse("""{"nodeAffinity":"zone-a"}""").RootElement.Clone(),
        }), View(), ChainReason.InvalidSpec, "spec.worker.affinity is not a core/v1 Affinity");
        add("Pd_with_an_unbracketed_ipv6_is_invalid", Root(phase: null, edit: s => s.Cluster.Pd = "::1:2379"), View(), ChainReason.InvalidSpec, "[::1]:2379");
        add("Pd_with_a_grpc_scheme_is_invalid", Root(phase: null, edit: s => s.Cluster.Pd = "grpc://pd-a:2379"), View(), ChainReason.InvalidSpec, "scheme 'grpc'");
        add("Credentials_in_the_log_url_are_refused", Root(phase: null, edit: s => s.Log.Url = "s3://AKIAKEY:s3cr3t@bucket/log"), View(), ChainReason.InvalidSpec, "spec.log.secretName");
        add("Credentials_in_the_checkpoint_url_are_refused", Root(phase: null, edit: s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.External, Url = "s3://bucket/ckpt?secret-access-key=s3cr3t" }),
            View(), ChainReason.InvalidCheckpoint, "spec.checkpoint.url");
        add("Local_url_leaving_its_volume_is_refused", Root(phase: null, edit: s => s.Log.Url = "local:///../../etc"), View(), ChainReason.InvalidSpec, "spec.log.url");
        add("Local_sub_path_leaving_its_claim_is_refused", Root(phase: null, edit: s => { s.Log.Url = "local:///backup/log"; s.Log.Local = new LocalStorageOptions { ClaimName = "c", SubPath = "../x" }; }),
            View(), ChainReason.InvalidSpec, "spec.log.local.subPath");
        add("Tso_zero_is_invalid", Root(phase: null, restoredTs: "0"), View(), ChainReason.InvalidTimestamp, "TSO 0");
        add("Restore_point_far_in_the_future_is_invalid", Root(phase: null, restoredTs: "18446744073709551615"),
            View() with { Runtime = new RuntimeFacts(Now: Now) }, ChainReason.InvalidTimestamp, "more than a day in the future");
        add("Missing_log_url_is_invalid", Root(phase: null, edit: s => s.Log.Url = ""), View(), ChainReason.InvalidSpec, "spec.log.url is required");
        add("Unknown_storage_scheme_is_invalid", Root(phase: null, edit: s => s.FullBackup!.Url = "ftp://x/y"), View(), ChainReason.InvalidSpec, "spec.fullBackup.url: \"ftp://x/y\"");
        add("Provider_block_must_match_the_url", Root(phase: null, edit: s => s.Log.Url = "gcs://bucket/log"), View(), ChainReason.InvalidSpec, "spec.log.s3 is set");
        add("Zone_less_restoredTs_is_invalid", Root(phase: null, restoredTs: "2026-01-22 00:39:25"), View(), ChainReason.InvalidTimestamp, "has no time zone");
        add("Garbage_startTs_is_invalid", Next("s1", "s0", "2000", edit: s => s.StartTs = "soon"), View(s0), ChainReason.InvalidTimestamp, "spec.startTs: \"soon\"");
        add("Overflowing_restoredTs_is_invalid", Root(phase: null, restoredTs: "18446744073709551616"), View(), ChainReason.InvalidTimestamp, "larger than the largest TSO");
        add("Empty_restoredTs_on_a_non_last_segment_is_invalid", Next("s1", "s0", null), View(s0), ChainReason.MissingRestoredTs, "spec.restoredTs is empty");
        add("StartTs_on_the_first_segment_is_invalid", Root(phase: null, edit: s => s.StartTs = "500"), View(), ChainReason.StartTsOnFirstSegment, "mutually exclusive");
        add("First_segment_without_full_backup_is_invalid", Root(phase: null, edit: s => s.FullBackup = null), View(), ChainReason.MissingFullBackup, "spec.fullBackup is missing");
        add("Full_backup_on_a_later_segment_is_invalid", Next("s1", "s0", "2000", edit: s => s.FullBackup = new StorageSpec { Url = "s3://backups/full" }), View(s0),
            ChainReason.FullBackupOnLaterSegment, "remove spec.fullBackup");
        add("Explicit_range_that_does_not_increase_is_invalid", Next("s1", "s0", "900", edit: s => s.StartTs = "1000"), View(s0), ChainReason.NotIncreasing, "is not after spec.startTs");
        add("Restored_before_the_previous_restored_is_invalid", Next("s1", "s0", "500"), View(s0), ChainReason.NotIncreasing, "TSO 500");
        add("Restored_equal_to_the_previous_restored_is_invalid", Next("s1", "s0", "1000"), View(s0), ChainReason.NotIncreasing, "is not after");
        add("External_checkpoint_without_url_is_invalid", Root(phase: null, edit: s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.External }), View(),
            ChainReason.InvalidCheckpoint, "spec.checkpoint.url is required");
        add("Managed_checkpoint_with_url_is_invalid", Root(phase: null, edit: s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.Managed, Url = "s3://c/x" }), View(),
            ChainReason.InvalidCheckpoint, "mode is Managed");
        add("Root_checkpoint_url_without_mode_is_invalid", Root(phase: null, edit: s => s.Checkpoint = new CheckpointSpec { Url = "s3://c/x" }), View(),
            ChainReason.InvalidCheckpoint, "(the default)");
        add("Filter_of_everything_is_invalid", Root(phase: null, edit: s => s.Br!.Filter = ["*.*"]), View(), ChainReason.InvalidFilter, "system database mysql");
        add("Filter_excluding_only_mysql_still_includes_sys", Root(phase: null, edit: s => s.Br!.Filter = ["*.*", "!mysql.*"]), View(), ChainReason.InvalidFilter, "system database sys");
        add("Filter_excluding_one_table_still_includes_mysql", Root(phase: null, edit: s => s.Br!.Filter = ["*.*", "!mysql.user"]), View(), ChainReason.InvalidFilter, "mysql");
        add("Filter_naming_a_memory_schema_is_invalid", Root(phase: null, edit: s => s.Br!.Filter = ["performance_schema.*"]), View(), ChainReason.InvalidFilter, "PERFORMANCE_SCHEMA");
        add("Filter_file_is_invalid", Root(phase: null, edit: s => s.Br!.Filter = ["@/etc/filter"]), View(), ChainReason.InvalidFilter, "spec.br.filter[0]");
        add("Filter_without_table_part_is_invalid", Root(phase: null, edit: s => s.Br!.Filter = ["orders"]), View(), ChainReason.InvalidFilter, "not a schema.table rule");
        add("Owned_extra_arg_is_invalid", Root(phase: null, edit: s => s.Br!.ExtraArgs = ["--ratelimit=1", "--restored-ts=5"]), View(), ChainReason.ForbiddenExtraArg, "spec.br.extraArgs[1]");
        add("Pd_alias_extra_arg_is_invalid", Root(phase: null, edit: s => s.Br!.ExtraArgs = ["-u"]), View(), ChainReason.ForbiddenExtraArg, "sets --pd");
        add("Malformed_extra_arg_is_invalid", Root(phase: null, edit: s => s.Br!.ExtraArgs = ["--concurrency 8"]), View(), ChainReason.ForbiddenExtraArg, "without whitespace");
        add("Segment_pointing_at_itself_is_a_cycle", Next("s1", "s1", "2000"), View(), ChainReason.ChainCycle, "s1 -> s1");
        add("Two_segments_pointing_at_each_other_are_a_cycle", Next("a", "b", "2000"), View(Next("b", "a", "3000")), ChainReason.ChainCycle, "a -> b -> a");
        add("Segment_leading_into_a_cycle_is_invalid", Next("c", "a", "4000"), View(Next("a", "b", "2000"), Next("b", "a", "3000")), ChainReason.ChainCycle, "a -> b -> a");
        add("Two_new_segments_after_the_same_previous_fork", Next("s1", "s0", "2000"), View(s0, Next("s1b", "s0", "2500")), ChainReason.ChainFork, "s1b");
        add("New_segment_after_a_started_sibling_forks", Next("s1b", "s0", "2500"), View(s0, started), ChainReason.ChainFork, "also the previous segment of s1");
        add("Ledger_records_another_segment_at_the_same_index", Next("s1b", "s0", "2500"),
            View(s0) with { Ledger = Ledger(segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000)]) }, ChainReason.ChainFork, "s1 (which the chain's ledger records at index 1)");
        add("Segment_recreated_under_a_recorded_name_does_not_rerun_its_range", Next("s1", "s0", "2000") with { Uid = "uid-s1-new" },
            View(s0) with { Ledger = Ledger(segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000)]) }, ChainReason.ChainFork, "ledger records at index 1");
        add("Replacing_a_segment_BR_may_have_written_needs_the_same_range", Next("s1", "s0", "2500") with { Uid = "uid-s1-new" },
            View(s0) with { Ledger = Ledger(segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000, succeeded: false)]) },
            ChainReason.ReplacementUnsafe, "re-create it with spec.restoredTs: \"2000\" and spec.last: false");
        add("A_sibling_marked_ChainFork_still_forks", Next("s1", "s0", "2000"), View(s0, Next("s1b", "s0", "2500", SegmentPhase.Invalid)),
            ChainReason.ChainFork, "also the previous segment of s1b");
        add("Running_sibling_recorded_at_the_index_still_forks", Next("s1b", "s0", "2000"),
            View(s0, Next("s1", "s0", "2000", SegmentPhase.Running)) with { Ledger = Ledger(segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000, succeeded: false)]) },
            ChainReason.ChainFork, "also the previous segment of s1");
        add("Segment_after_last_is_invalid", Next("s2", "s1", "3000"), View(s0, Next("s1", "s0", "2000", SegmentPhase.Succeeded, last: true)),
            ChainReason.SegmentAfterLast, "\"s1\" has spec.last: true");
        add("Segment_joining_a_finalized_chain_is_invalid", Next("s2", "s1", "3000"),
            View(s0, s1) with { Ledger = Ledger(finalized: true, segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000)]) }, ChainReason.ChainFinalized, "finalized");
        add("Segment_joining_an_abandoned_chain_is_invalid", Next("s2", "s1", "3000"),
            View(s0, s1) with { Ledger = Ledger(abandoned: true, segments: [Recorded("s0", 0, 1000)]) }, ChainReason.ChainFinalized, "abandoned");
        add("Different_pd_than_the_root_is_invalid", Next("s1", "s0", "2000", edit: s => s.Cluster.Pd = "other-pd:2379"), View(s0), ChainReason.ClusterMismatch, "\"other-pd:2379\" differs");
        add("Different_pd_than_the_ledger_root_is_invalid", Next("s2", "s1", "3000", edit: s => s.Cluster.Pd = "other-pd:2379"),
            View() with { Ledger = Ledger(settings: ChainSettings.OfRoot(RootSpec()), segments: [Recorded("s0", 0, 1000), Recorded("s1", 1, 2000)]) },
            ChainReason.ClusterMismatch, "set spec.cluster.pd to");
        add("Different_log_than_the_root_is_invalid", Next("s1", "s0", "2000", edit: s => s.Log.Url = "s3://backups/log2"), View(s0), ChainReason.LogStorageMismatch, "s3://backups/log2");
        add("Different_checkpoint_mode_than_the_root_is_invalid", Next("s1", "s0", "2000", edit: s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.Table }), View(s0),
            ChainReason.CheckpointMismatch, "Table differs from Managed");
        add("Explicit_managed_after_an_external_root_is_invalid", Next("s1", "s0", "2000", edit: s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.Managed }), View(external),
            ChainReason.CheckpointMismatch, "Managed differs from External");
        add("Different_checkpoint_url_than_the_root_is_invalid", Next("s1", "s0", "2000", edit: s => s.Checkpoint = new CheckpointSpec { Mode = CheckpointMode.External, Url = "s3://ckpt/y" }),
            View(external), ChainReason.CheckpointMismatch, "\"s3://ckpt/y\" differs");
        add("Checkpoint_url_on_a_later_segment_of_a_managed_chain_is_invalid", Next("s1", "s0", "2000", edit: s => s.Checkpoint = new CheckpointSpec { Url = "s3://ckpt/y" }),
            View(s0), ChainReason.CheckpointMismatch, "uses mode Managed, without a url");
        add("StartTs_different_from_the_previous_restored_is_invalid", Next("s1", "s0", "2000", edit: s => s.StartTs = "999"), View(s0), ChainReason.StartTsMismatch, "restored TSO 1000");
        add("Invalid_spec_comes_before_waiting", Next("s1", "s0", "2026-01-22", edit: s => s.Hold = true), View(), ChainReason.InvalidTimestamp, "has no time zone");
        add("Fork_comes_before_predecessor_wait", Next("s1", "s0", "2000"), View(Root(phase: SegmentPhase.Running), Next("s1b", "s0", "2500")), ChainReason.ChainFork, "s1b");
    }

    private static void AddFailedCases(Dictionary<string, ChainRuleCase> cases, ChainMember s0)
    {
        var ledger = Ledger(clusterId: 7, segments: [Recorded("s0", 0, 1000)]);
        cases.Add("Rebuilt_cluster_fails_the_chain", new(Next("s1", "s0", "2000"),
            View(s0) with { Ledger = ledger, Runtime = new RuntimeFacts(ObservedPdClusterId: 8) }, ChainOutcome.Failed, ChainReason.ClusterChanged, "cluster id 8"));
        cases.Add("Cluster_change_comes_before_predecessor_wait", new(Next("s2", "s1", "3000"),
            View(s0, Next("s1", "s0", "2000", SegmentPhase.Running)) with { Ledger = ledger, Runtime = new RuntimeFacts(ObservedPdClusterId: 9) },
            ChainOutcome.Failed, ChainReason.ClusterChanged, "bound to cluster id 7"));
        cases.Add("Same_cluster_id_is_no_change", new(Next("s1", "s0", "2000"),
            View(s0) with { Ledger = ledger, Runtime = new RuntimeFacts(ObservedPdClusterId: 7) }, ChainOutcome.Ready, null, "may run"));
        cases.Add("Br_without_segment_flags_cannot_run_a_later_segment", new(Next("s1", "s0", "2000", last: true),
            View(s0) with { Runtime = new RuntimeFacts(BrCapability: BrDialect.None) }, ChainOutcome.Failed, ChainReason.BrLacksSegmentedRestore, "neither --last-segment nor --last"));
        cases.Add("Br_without_segment_flags_cannot_run_a_non_last_root", new(Root(phase: null),
            View() with { Runtime = new RuntimeFacts(BrCapability: BrDialect.None) }, ChainOutcome.Failed, ChainReason.BrLacksSegmentedRestore, "spec.br.image"));
        cases.Add("Br_with_the_v1_flag_runs_segments", new(Next("s1", "s0", "2000"),
            View(s0) with { Runtime = new RuntimeFacts(BrCapability: BrDialect.Last) }, ChainOutcome.Ready, null, "may run"));
    }
}
