using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace SegRestore.Pd;

public static class PdServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PdClientFactory"/> unless a test registered its own first.</summary>
    public static IServiceCollection AddPdClient(this IServiceCollection services)
    {
        services.TryAddSingleton<PdClientFactory>(provider =>
        {
            var logger = provider.GetService<ILogger<PdClient>>();
            return options => new PdClient(options, logger);
        });
        return services;
    }
}
