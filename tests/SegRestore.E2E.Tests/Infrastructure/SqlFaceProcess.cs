using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// The BR simulator's SIMULATED SQL face of a target (<c>br brsim sql-face</c>): TiDB's MySQL port as far as putting
/// TiFlash replicas back goes, over the world's target files, with the password given only in its environment.
/// </summary>
public sealed class SqlFaceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SqlFaceProcess(Process process) => _process = process;

    public int Port { get; private set; }

    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the process printed so far (a test checks the password is not in it).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<SqlFaceProcess> StartAsync(BrSimWorld world, string password, IReadOnlyDictionary<string, string>? faults = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var portFile = Path.Combine(world.Directory, "sql-face.port");
        File.Delete(portFile);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[RepoLayout.BrDll, "brsim", "sql-face", "--world", world.Directory, "--cluster", world.Pd,
            "--listen", "127.0.0.1:0", "--port-file", portFile])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BRSIM_SQL_PASSWORD"] = password;
        foreach (var (name, value) in faults ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("br brsim sql-face did not start");
        var face = new SqlFaceProcess(process);
        process.OutputDataReceived += (_, e) => face.Append(e.Data);
        process.ErrorDataReceived += (_, e) => face.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!File.Exists(portFile) || (await File.ReadAllTextAsync(portFile)).Trim().Length == 0)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await face.DisposeAsync();
                throw new InvalidOperationException($"br brsim sql-face wrote no port within 30 s:\n{face.Output}");
            }

            await Task.Delay(100);
        }

        face.Port = int.Parse((await File.ReadAllTextAsync(portFile)).Trim(), CultureInfo.InvariantCulture);
        return face;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
