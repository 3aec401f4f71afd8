using System.Globalization;
using System.Text.Json;
using SegRestore.LocalRun;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// A BR simulator world (<see cref="SimulatedWorld"/>, shared with `segrestore local run`) with what the tests ask of
/// it: faults for the next BR starts, the audit log of restored segments, <c>verify</c> and the target's content.
/// </summary>
public sealed class BrSimWorld
{
    private readonly SimulatedWorld _world;

    private BrSimWorld(SimulatedWorld world, string pd)
    {
        _world = world;
        Pd = pd;
    }

    public string Directory => _world.Directory;

    /// <summary>The (first) target cluster's PD address (the fake PD's).</summary>
    public string Pd { get; }

    public WorldManifestInfo Info => _world.Manifest;

    /// <summary>What the (first) target's PD must answer as its cluster id.</summary>
    public ulong TargetClusterId => TargetClusterIds[Pd];

    /// <summary>Every target's cluster id by PD address: what each target's fake PD must answer.</summary>
    public IReadOnlyDictionary<string, ulong> TargetClusterIds => _world.TargetClusterIds;

    /// <summary>The executable that the BR image's <c>/br</c> maps to.</summary>
    public string WrapperPath => _world.WrapperPath;

    public string FaultsFile => _world.FaultsFile;

    public string AuditLog => Path.Combine(Directory, "audit.log");

    public static Task<BrSimWorld> CreateAsync(string directory, string pd, int seed, int points) =>
        CreateAsync(directory, [pd], seed, points);

    /// <summary>One upstream and its backups, restorable into several fresh targets (one per PD address), so
    /// several chains can restore the same history at once, each into its own cluster.</summary>
    public static async Task<BrSimWorld> CreateAsync(string directory, IReadOnlyList<string> targets, int seed, int points)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var world = await SimulatedWorld.GenerateAsync(RepoLayout.BrDll, directory, targets, seed, points);
        return new BrSimWorld(world, targets[0]);
    }

    /// <summary>SIMULATED DNS: BR's --pd <paramref name="name"/> reaches the (first) target.</summary>
    public Task AddHostAsync(string name) => _world.AddHostAsync(name, Pd);

    /// <summary>A world another process generated (`local run`'s, under its --dir), restoring into <paramref name="pd"/>.</summary>
    public static async Task<BrSimWorld> OpenAsync(string directory, string pd)
    {
        var world = await SimulatedWorld.OpenAsync(RepoLayout.BrDll, directory, [pd]);
        return new BrSimWorld(world, pd);
    }

    /// <summary>Faults for every BR run from now on (BRSIM_KILL_AT, BRSIM_HANG_AT, BRSIM_KV_PER_SEC, ...).</summary>
    public void SetFaults(IReadOnlyDictionary<string, string> variables)
    {
        var text = string.Concat(variables.Select(v => $"{v.Key}='{v.Value}'\n"));
        var temp = FaultsFile + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, FaultsFile, overwrite: true);
    }

    public void ClearFaults() => File.Delete(FaultsFile);

    /// <summary>One line per segment the simulator restored to completion.</summary>
    public IReadOnlyList<string> ReadAudit() =>
        File.Exists(AuditLog) ? File.ReadAllLines(AuditLog).Where(l => l.Length > 0).ToList() : [];

    /// <summary><c>br brsim verify</c>: every table against the upstream at the last restore point.</summary>
    public Task<ChildProcessResult> VerifyAsync(ulong? at = null) => VerifyAsync(Pd, at);

    /// <summary><c>br brsim verify</c> of the target at <paramref name="cluster"/> (its PD address).</summary>
    public Task<ChildProcessResult> VerifyAsync(string cluster, ulong? at = null) => RunBrAsync(at is { } ts
        ? ["brsim", "verify", "--world", Directory, "--cluster", cluster, "--at", ts.ToString(CultureInfo.InvariantCulture)]
        : ["brsim", "verify", "--world", Directory, "--cluster", cluster]);

    public Task<ChildProcessResult> TargetAsync(params string[] command) =>
        RunBrAsync(["brsim", "target", "--world", Directory, "--cluster", Pd, .. command]);

    /// <summary>"db.table" of the first table the target holds (from <c>br brsim target show</c>).</summary>
    public async Task<string> FirstTargetTableAsync()
    {
        var show = await TargetAsync("show");
        if (show.ExitCode != 0)
        {
            throw new InvalidOperationException($"br brsim target show failed: {show.Describe()}");
        }

        using var json = JsonDocument.Parse(show.Stdout);
        var data = json.RootElement.GetProperty("Data");
        var table = data.GetProperty("Tables").EnumerateObject().First().Value;
        var dbId = table.GetProperty("DbId").GetRawText();
        var db = data.GetProperty("Databases").GetProperty(dbId).GetProperty("Name").GetString();
        return $"{db}.{table.GetProperty("Name").GetString()}";
    }

    /// <summary>The audit lines as key=value maps (segment-restored pd=.. start-ts=.. restored-ts=.. last=..).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ReadAuditEntries() =>
        ReadAudit().Select(line => (IReadOnlyDictionary<string, string>)line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.Contains('=', StringComparison.Ordinal))
            .Select(t => t.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1])).ToList();

    public static Task<ChildProcessResult> RunBrAsync(IEnumerable<string> arguments) =>
        ChildProcess.RunAsync("dotnet", [RepoLayout.BrDll, .. arguments], timeout: TimeSpan.FromMinutes(1));
}
