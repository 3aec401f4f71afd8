using SegRestore.Bench.E2E;

// `dotnet run -c Release --project tests/SegRestore.Bench.E2E -- --scenario overhead|handoff|scale|worker-start --output FILE`:
// runs one whole-system benchmark over the E2E harness and writes its Markdown section (numbers and goal verdicts)
// to FILE. Progress goes to stderr. Exit code 0 when the run completed, whether or not the goals were met.
var output = new ConsoleOutput();
BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args);
    _ = arguments.Scenario;
    _ = arguments.Output;
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

var section = arguments.Scenario switch
{
    "overhead" => await OverheadScenario.RunAsync(arguments, output),
    "handoff" => await HandoffScenario.RunAsync(arguments, output),
    "scale" => await ScaleScenario.RunAsync(arguments, output),
    "worker-start" => await WorkerStartScenario.RunAsync(arguments, output),
    var other => null,
};
if (section is null)
{
    await Console.Error.WriteLineAsync($"unknown --scenario '{arguments.Scenario}': use overhead, handoff, scale or worker-start");
    return 2;
}

await File.WriteAllTextAsync(arguments.Output, section);
Console.WriteLine(section);
return 0;
