using SegRestore.Br;
using SegRestore.BrSim.Faults;
using SegRestore.BrSim.Logging;
using SegRestore.BrSim.Restore;
using SegRestore.BrSim.Storage;

namespace SegRestore.BrSim.Cli;

/// <summary>
/// The `br` command tree the simulator answers: --version, restore point, log metadata, abort restore point, and the
/// simulator's own `brsim` verbs. Returns the exit code: 0 success, 1 BR error (`["br failed"]`), 2 simulator misuse.
/// </summary>
public sealed class BrApp(BrAppContext app)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        TextWriter? logFile = null;
        var log = new BrLog(app.Out, null, app.Clock);
        try
        {
            var dialect = BrDialects.FromEnvironment(app.Environment);
            var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(3));
            if (args.Count == 0 || args[0] is "--version" or "-V" or "version")
            {
                app.Out.Write(VersionCommand.Text(dialect));
                return 0;
            }

            if (args[0] == "brsim")
            {
                return SimulatorCommands.Run(args.Skip(1).ToList(), app);
            }

            var (words, flagSpecs) = command switch
            {
                _ when command.StartsWith("restore point", StringComparison.Ordinal) => (2, RestorePointFlags.All(dialect)),
                _ when command.StartsWith("abort restore point", StringComparison.Ordinal) => (3, RestorePointFlags.All(dialect)),
                _ when command.StartsWith("log metadata", StringComparison.Ordinal) => (2, LogMetadataCommand.Flags),
                _ => throw new BrErrorException($"unknown command \"{command}\" for \"br\""),
            };
            var flags = FlagParser.Parse(args.Skip(words).ToList(), flagSpecs);
            if (flags.Help)
            {
                app.Out.Write(command.StartsWith("restore point", StringComparison.Ordinal)
                    ? RestorePointFlags.Help(dialect)
                    : HelpText.Render(command, "br " + command + " [flags]", [], flagSpecs));
                return 0;
            }

            if (flags.Get("log-file") is { Length: > 0 } path)
            {
                logFile = new StreamWriter(path, append: true);
                log = new BrLog(app.Out, logFile, app.Clock);
            }

            var world = app.OptionalWorld();
            var storage = new StorageResolver(world?.Directory, app.Environment);
            if (command.StartsWith("log metadata", StringComparison.Ordinal))
            {
                LogMetadataCommand.Run(flags, storage, log);
                return 0;
            }

            var request = RestorePointRequestParser.Parse(flags, dialect);
            if (command.StartsWith("abort", StringComparison.Ordinal))
            {
                AbortRestoreCommand.Run(request, app.RequireWorld(), storage, log);
                return 0;
            }

            var faults = new FaultInjector(app.Environment, world, app.HardExit);
            var restore = new PointRestoreCommand(app.RequireWorld(), storage, new SegmentedStateCodec(dialect), log, faults,
                app.Environment, app.StderrIsTerminal, app.StdoutIsTerminal || app.Environment("BRSIM_STDOUT_TTY") == "1");
            await restore.RunAsync(request, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (BrErrorException e)
        {
            return Failed(log, e.Message);
        }
        catch (OperationCanceledException)
        {
            return Failed(log, "context canceled");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            // An unreadable storage or world file: BR reports storage errors through `br failed` too.
            return Failed(log, e.Message);
        }
        catch (Exception e) when (e is SimulatorConfigurationException or ArgumentException)
        {
            app.Error.WriteLine("brsim: " + e.Message);
            return 2;
        }
        finally
        {
            if (logFile is not null)
            {
                await logFile.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>BR's main logs the error cobra's Execute returned; cobra itself (root without SilenceErrors) first
    /// prints it to stderr as <c>Error: ...</c>, e.g. <c>Error: unknown flag: --Pd</c>.</summary>
    private int Failed(BrLog log, string error)
    {
        app.Error.WriteLine("Error: " + error);
        log.Error("main.go:58", BrMessages.BrFailed, LogField.Of(BrLogFields.Error, error));
        return 1;
    }
}
