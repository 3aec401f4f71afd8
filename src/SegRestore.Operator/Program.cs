using System.Globalization;
using System.Net;
using SegRestore.Operator.Reporter;
using SegRestore.Store;
using SegRestore.Store.Sql;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHealthChecks();

// The worker reporter: gRPC on its own HTTP/2-only listener, apart from /healthz (and later /metrics) above.
// Until the operator host chooses its ledger backend from configuration, a SQLite path enables the reporter.
var ledgerPath = Environment.GetEnvironmentVariable("SEGRESTORE_LEDGER_SQLITE");
if (!string.IsNullOrEmpty(ledgerPath))
{
    var ledger = await SqlLedgers.OpenSqliteAsync(ledgerPath, null, null, CancellationToken.None).ConfigureAwait(false);
    builder.Services.AddSingleton(ledger);
    var port = int.TryParse(Environment.GetEnvironmentVariable("SEGRESTORE_REPORTER_PORT"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 9443;
    builder.Services.AddReporter(o => o.Endpoint = new IPEndPoint(IPAddress.Any, port));
}

var app = builder.Build();
app.MapHealthChecks("/healthz");
await app.RunAsync().ConfigureAwait(false);
