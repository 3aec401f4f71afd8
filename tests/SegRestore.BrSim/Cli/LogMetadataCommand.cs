using SegRestore.Br;
using SegRestore.BrSim.Logging;
using SegRestore.BrSim.Model;
using SegRestore.BrSim.Storage;

namespace SegRestore.BrSim.Cli;

/// <summary>`br log metadata -s URL`: the log window, printed as BR's summary line.</summary>
public static class LogMetadataCommand
{
    public static IReadOnlyList<FlagSpec> Flags { get; } = RestorePointFlags.Global;

    public static void Run(ParsedFlags flags, StorageResolver storage, BrLog log)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(log);
        var url = flags.Get("storage") is { Length: > 0 } s ? s : throw BrErrorException.InvalidArgument("storage");
        var info = new BackupReader(storage).ReadLog(url);
        log.Info("collector.go:77", BrMessages.LogMetadata,
            LogField.Of("log-min-ts", info.LogMinTs),
            LogField.Of("log-min-date", Tso.FormatDate(info.LogMinTs)),
            LogField.Of("log-max-ts", info.LogMaxTs),
            LogField.Of("log-max-date", Tso.FormatDate(info.LogMaxTs)));
    }
}
