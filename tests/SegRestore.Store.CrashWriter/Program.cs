using SegRestore.Store.CrashWriter;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var options = Options.Parse(args.Skip(1));
    return args.FirstOrDefault() switch
    {
        "commit" => await CommitCommand.RunAsync(options, cancellation.Token),
        "bench" => await BenchCommand.RunAsync(options, cancellation.Token),
        _ => Usage(),
    };
}
catch (ArgumentException error)
{
    await Console.Error.WriteLineAsync($"crash-writer: {error.Message}");
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("usage: crash-writer commit --chain <uid> --files <n> --file-kib <k> [--pause-after-kib <k>] [--loop]");
    Console.Error.WriteLine("       crash-writer bench [--mib 64] [--output <file.md>]   (PostgreSQL when SEGRESTORE_TEST_PG is set)");
    Console.Error.WriteLine("The ledger comes from SEGRESTORE_LEDGER_BACKEND (sqlite|postgres) and SEGRESTORE_LEDGER_TARGET.");
    return 2;
}
