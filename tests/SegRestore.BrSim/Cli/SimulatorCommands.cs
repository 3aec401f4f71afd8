using System.Globalization;
using System.Text.Json;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Verify;
using SegRestore.BrSim.Workload;

namespace SegRestore.BrSim.Cli;

/// <summary>
/// The simulator's own verbs (not BR's): `br brsim workload` makes a world, `br brsim verify` checks a target against
/// the upstream, `br brsim target` changes a target the way a user might (for failure-mode tests).
/// </summary>
public static class SimulatorCommands
{
    public const string Usage = """
        br brsim workload --world DIR [--seed S] [--points N] [--target PD]... [--full-storage URL] [--log-storage URL]
        br brsim verify   --world DIR [--cluster PD] [--at TSO]
        br brsim target   --world DIR [--cluster PD] set-tiflash DB.TABLE COUNT | create-table DB.TABLE | add-changefeed NAME | duplicate-state RESTORED_TS
                          | drop-pitr-id-map-table | corrupt-state RESTORED_TS lost|empty | add-log-task NAME [STORAGE_URL] | show
        br brsim host     --world DIR NAME:PORT=PD     (SIMULATED DNS: BR's --pd NAME:PORT reaches the target at PD)
        """;

    private static readonly IReadOnlyList<FlagSpec> Flags =
    [
        new("world", null, false, "world directory"),
        new("seed", null, false, "workload seed", "1"),
        new("points", null, false, "restore points", "5"),
        new("target", null, false, "PD address of a target cluster (repeatable)"),
        new("full-storage", null, false, "URL of the full backup"),
        new("log-storage", null, false, "URL of the log backup"),
        new("cluster", null, false, "PD address of the target to verify or change", WorldWriter.DefaultTarget),
        new("at", null, false, "TSO to verify at (default: the last restore point)"),
    ];

    public static int Run(IReadOnlyList<string> args, BrAppContext app)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(app);
        var verb = args.Count > 0 ? args[0] : "";
        var flags = FlagParser.Parse(args.Skip(1).ToList(), Flags);
        if (flags.Help || verb is "" or "help")
        {
            app.Out.Write(Usage);
            return 0;
        }

        var world = new SimWorld(flags.Get("world") ?? app.Environment("BRSIM_WORLD")
            ?? throw new SimulatorConfigurationException("--world DIR is required"));
        return verb switch
        {
            "workload" => Workload(flags, world, app),
            "verify" => VerifyWorld(flags, world, app),
            "target" => TargetCommand.Run(flags, world, app),
            "host" => Host(flags, world, app),
            _ => throw new SimulatorConfigurationException($"unknown brsim verb '{verb}'\n{Usage}"),
        };
    }

    private static int Host(ParsedFlags flags, SimWorld world, BrAppContext app)
    {
        var entry = flags.Positional.Count == 1 ? flags.Positional[0].Split('=') : [];
        if (entry.Length != 2 || entry[0].Length == 0 || world.LoadTarget(entry[1]) is null)
        {
            throw new SimulatorConfigurationException("brsim host NAME:PORT=PD: PD must be a target of the world, e.g. basic-pd.tidb:2379=127.0.0.1:23790");
        }

        world.AddHost(entry[0], entry[1]);
        app.Out.WriteLine($"SIMULATED DNS: {SimWorld.NormalizePd(entry[0])} reaches target {SimWorld.NormalizePd(entry[1])}");
        return 0;
    }

    private static int Workload(ParsedFlags flags, SimWorld world, BrAppContext app)
    {
        var points = flags.GetInt("points", 5);
        if (points < 1)
        {
            throw new SimulatorConfigurationException($"--points {points}: a world needs at least one restore point");
        }

        var manifest = WorldWriter.Write(new WorkloadOptions(world.Directory, flags.GetInt("seed", 1), points,
            flags.Get("full-storage"), flags.Get("log-storage"), flags.All("target")));
        app.Out.WriteLine(JsonSerializer.Serialize(manifest, JsonFiles.Options));
        return 0;
    }

    private static int VerifyWorld(ParsedFlags flags, SimWorld world, BrAppContext app)
    {
        var manifest = world.LoadManifest();
        var at = flags.Get("at") is { } text ? ulong.Parse(text, CultureInfo.InvariantCulture) : manifest.RestorePoints[^1];
        var pd = flags.Get("cluster") ?? WorldWriter.DefaultTarget;
        var target = world.LoadTarget(pd) ?? throw new SimulatorConfigurationException($"no target cluster '{pd}' in {world.Directory}");
        var differences = ClusterVerifier.Compare(world.LoadUpstream().At(at), target.Data);
        foreach (var difference in differences)
        {
            app.Out.WriteLine(difference.ToString());
        }

        app.Out.WriteLine(differences.Count == 0
            ? $"verify: {target.Data.Tables.Count} tables match the upstream at {at}"
            : $"verify: {differences.Count} differences against the upstream at {at}");
        return differences.Count == 0 ? 0 : 1;
    }
}
