using SegRestore.Operator.Configuration;
using SegRestore.Operator.Hosting;

WebApplicationBuilder builder;
try
{
    builder = OperatorApplication.CreateBuilder(args);
}
catch (OperatorConfigurationException e)
{
    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
    return 2;
}

await OperatorApplication.Build(builder).RunAsync().ConfigureAwait(false);
return 0;
