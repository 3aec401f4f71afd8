namespace SegRestore.Worker.Running;

/// <summary>Pure: report progress when the step changes, a step completes, or the interval passed since the last report.</summary>
public sealed class ProgressThrottle(TimeSpan interval)
{
    private string? _lastStep;
    private DateTimeOffset _lastAt = DateTimeOffset.MinValue;

    public bool ShouldReport(string step, double percent, DateTimeOffset now)
    {
        var report = step != _lastStep || percent >= 100 || now - _lastAt >= interval;
        if (report)
        {
            _lastStep = step;
            _lastAt = now;
        }

        return report;
    }

    /// <summary>How long until a report of the same step is due (zero when it is due now).</summary>
    public TimeSpan DueIn(DateTimeOffset now) =>
        _lastAt == DateTimeOffset.MinValue || now - _lastAt >= interval ? TimeSpan.Zero : interval - (now - _lastAt);
}
