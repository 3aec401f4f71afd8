using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using SegRestore.Operator.Configuration;
using SegRestore.Operator.Hosting;
using SegRestore.Operator.Metrics;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.Services.AddSegRestoreOperator(builder.Configuration);
}
catch (OperatorConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
    return 2;
}

var httpPort = builder.Configuration.GetValue($"{OperatorOptions.SectionName}:{nameof(OperatorOptions.HttpPort)}", 8080);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(httpPort));
builder.Services.AddHealthChecks()
    .AddCheck<LedgerHealthCheck>("ledger", tags: ["ready"])
    .AddCheck<LeadershipHealthCheck>("leadership", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapSegRestoreMetrics();
await app.RunAsync().ConfigureAwait(false);
return 0;
