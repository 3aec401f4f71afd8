using System.Globalization;
using SegRestore.E2E.Tests.Infrastructure;
using SegRestore.LocalRun;

namespace SegRestore.Chaos.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the chaos run's own, made the way tests/setup/pg.sh makes the shared one (initdb in a
/// temporary directory, trust auth on loopback, a free port, fsync off, run as the <c>postgres</c> user when root).
/// Why not the shared server from SEGRESTORE_TEST_PG: the run restarts its server, and <c>make test</c> runs the
/// other test projects (the Store tests use that server) at the same time. Restarts reuse the port and the data.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);
    private readonly string _bin;
    private readonly string _directory;

    private PrivatePostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>An Npgsql connection string (no password: trust authentication on loopback).</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=15");

    public int Restarts { get; private set; }

    private string DataDirectory => Path.Combine(_directory, "db");

    private string LogFile => Path.Combine(_directory, "server.log");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = FindBin();
        var directory = Directory.CreateTempSubdirectory("segrestore-chaos-pg.").FullName;
        var server = new PrivatePostgres(bin, directory, FreePort.Next());
        try
        {
            if (IsRoot)
            {
                await RunCheckedAsync("chown", ["postgres:postgres", directory]);
            }

            await server.RunAsPostgresAsync("initdb", ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync"]);
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>An immediate shutdown (no checkpoint: like a crash), <paramref name="downtime"/> down, then a start
    /// on the same port and data, which recovers from the WAL.</summary>
    public async Task RestartAsync(TimeSpan downtime, CancellationToken cancellationToken)
    {
        await RunAsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        await Task.Delay(downtime, cancellationToken);
        await StartServerAsync();
        Restarts++;
    }

    public string LogTail(int lines = 30) =>
        File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(lines)) : "(no server log)";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunAsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBin()
    {
        var fromSetup = Environment.GetEnvironmentVariable("SEGRESTORE_TEST_PG_BIN");
        if (!string.IsNullOrEmpty(fromSetup) && File.Exists(Path.Combine(fromSetup, "pg_ctl")))
        {
            return fromSetup;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .LastOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl and SEGRESTORE_TEST_PG_BIN is unset): run tests/setup/deps.sh.");
    }

    private static async Task RunCheckedAsync(string file, IReadOnlyList<string> arguments)
    {
        var result = await ChildProcess.RunAsync(file, arguments, timeout: CommandTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {result.Describe()}");
        }
    }

    private Task StartServerAsync() => RunAsPostgresAsync("pg_ctl",
    [
        "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60",
        "-o", string.Create(CultureInfo.InvariantCulture,
            $"-c listen_addresses=127.0.0.1 -p {Port} -k {_directory} -c fsync=off -c max_connections=100"),
        "start",
    ]);

    private Task RunAsPostgresAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, program);
        return IsRoot
            ? RunCheckedAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunCheckedAsync(path, arguments);
    }
}
