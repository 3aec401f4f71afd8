using Microsoft.Extensions.Logging;

namespace SegRestore.Worker.Checkpoint;

/// <summary>
/// Watches the checkpoint directory (subdirectories included) and remembers that something changed since the last
/// <see cref="Take"/>. It only wakes the sync loop: the sync itself always scans and diffs the whole directory, so a
/// missed or merged event costs nothing but latency, and the periodic timer stays as the fallback.
/// </summary>
public sealed partial class CheckpointChangeWatch : IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FileSystemWatcher? _watcher;
    private TaskCompletionSource _changed = NewSignal();
    private PendingChanges? _pending;

    private CheckpointChangeWatch(string root, TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        try
        {
            _watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            _watcher.Created += OnChanged;
            _watcher.Changed += OnChanged;
            _watcher.Deleted += OnChanged;
            _watcher.Renamed += OnChanged;
            _watcher.Error += OnError;
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // e.g. the inotify instance limit: syncing on the timer alone is slower, not wrong
            _watcher?.Dispose();
            _watcher = null;
            LogWatchUnavailable(root, ex.Message);
        }
    }

    /// <summary>False when the directory could not be watched (then only the periodic timer syncs).</summary>
    public bool Watching => _watcher is not null;

    public static CheckpointChangeWatch Start(string root, TimeProvider time, ILogger logger) => new(root, time, logger);

    /// <summary>Completes when a change is pending (at once when one already is).</summary>
    public Task ChangedAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The pending changes, or null when there are none.</summary>
    public PendingChanges? Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending;
            }
        }
    }

    /// <summary>Forgets the pending changes just before a sync scans: what changes from now on is seen again.</summary>
    public void Take()
    {
        lock (_lock)
        {
            _pending = null;
            if (_changed.Task.IsCompleted)
            {
                _changed = NewSignal();
            }
        }
    }

    public void Dispose() => _watcher?.Dispose();

    private void OnChanged(object sender, FileSystemEventArgs e) => Record(scanNow: false);

    private void OnError(object sender, ErrorEventArgs e)
    {
        LogWatchError(e.GetException().Message);
        Record(scanNow: true);
    }

    private void Record(bool scanNow)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            _pending = _pending is null
                ? new PendingChanges(now, now, scanNow)
                : _pending with { LastChange = now, ScanNow = _pending.ScanNow || scanNow };
            _changed.TrySetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch the checkpoint directory {Directory} ({Detail}); syncing on the periodic interval only")]
    private partial void LogWatchUnavailable(string directory, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The checkpoint directory watch lost events ({Detail}); scanning the whole directory now")]
    private partial void LogWatchError(string detail);
}
