using System.Diagnostics;
using System.Globalization;
using SegRestore.Br;
using SegRestore.BrSim.Faults;

namespace SegRestore.BrSim.Logging;

/// <summary>
/// One of BR's progress steps. Logs `["progress"] [step=...] [progress=NN.NN%] [count="c / t"] [speed=...] [elapsed=...]
/// [remaining=...]` at every tenth and at the end, draws a bar on stderr when it is a terminal, and gives fault
/// injection its chance at each percentage reached.
/// </summary>
public sealed class ProgressStep
{
    private readonly BrLog _log;
    private readonly FaultInjector _faults;
    private readonly bool _drawBar;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private int _loggedTenths = -1;

    public ProgressStep(BrLog log, FaultInjector faults, string name, long total, bool drawBar)
    {
        _log = log;
        _faults = faults;
        _drawBar = drawBar;
        Name = name;
        Total = Math.Max(total, 0);
    }

    public string Name { get; }
    public long Total { get; }
    public long Current { get; private set; }

    public double Percent => Total == 0 ? 100 : Math.Min(100, Current * 100.0 / Total);

    public async Task IncAsync(long count, CancellationToken cancellationToken)
    {
        Current = Math.Min(Total, Current + count);
        Report();
        await _faults.ReachedAsync(Name, Percent, cancellationToken).ConfigureAwait(false);
    }

    public void Complete()
    {
        Current = Total;
        Report();
        if (_drawBar)
        {
            Console.Error.WriteLine();
        }
    }

    private void Report()
    {
        var tenths = (int)(Percent / 10);
        if (tenths != _loggedTenths)
        {
            _loggedTenths = tenths;
            var seconds = Math.Max(_elapsed.Elapsed.TotalSeconds, 0.001);
            var speed = Current / seconds;
            var remaining = speed > 0 ? TimeSpan.FromSeconds((Total - Current) / speed) : TimeSpan.Zero;
            _log.Info("progress.go:166", BrMessages.Progress,
                LogField.Of(BrLogFields.Step, Name),
                LogField.Of(BrLogFields.Progress, Percent.ToString("0.00", CultureInfo.InvariantCulture) + "%"),
                LogField.Of(BrLogFields.Count, string.Create(CultureInfo.InvariantCulture, $"{Current} / {Total}")),
                LogField.Of(BrLogFields.Speed, speed.ToString("0.00", CultureInfo.InvariantCulture) + " p/s"),
                LogField.Duration(BrLogFields.Elapsed, _elapsed.Elapsed),
                LogField.Duration(BrLogFields.Remaining, remaining));
        }

        if (_drawBar)
        {
            var filled = (int)(Percent / 5);
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{Name} <{new string('-', filled)}>{new string('.', 20 - filled)} {Percent:0.00}%"));
        }
    }
}
