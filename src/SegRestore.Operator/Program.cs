using SegRestore.Operator.Configuration;
using SegRestore.Operator.Hosting;

WebApplication app;
try
{
    app = OperatorApplication.Build(OperatorApplication.CreateBuilder(args));
}
catch (OperatorConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
    return 2;
}

await app.RunAsync().ConfigureAwait(false);
return 0;
