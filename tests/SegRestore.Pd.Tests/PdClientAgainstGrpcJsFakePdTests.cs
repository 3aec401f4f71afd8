using System.Text.Json;
using SegRestore.Grpc.Tests.Support;
using SegRestore.Pd.Protocol;

namespace SegRestore.Pd.Tests;

/// <summary>The PD client against tests/interop/fake-pd.js, a @grpc/grpc-js server process.</summary>
public sealed class PdClientAgainstGrpcJsFakePdTests : PdClientContractTests
{
    protected override async Task<RunningPd> StartPdAsync(ulong clusterId, bool tls, (ErrorType Type, string Message)? headerError)
    {
        var arguments = new List<string> { "--port", "0", "--cluster-id", clusterId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (tls)
        {
            arguments.AddRange(["--tls-ca", Certificates.CaPath, "--tls-cert", Certificates.ServerCertPath, "--tls-key", Certificates.ServerKeyPath]);
        }

        if (headerError is { } error)
        {
            arguments.AddRange(["--header-error", $"{PdResponses.ErrorTypeName(error.Type)}:{error.Message}"]);
        }

        var node = await NodeProcess.StartServerAsync("fake-pd.js", [.. arguments]);
        return new RunningPd($"127.0.0.1:{node.Port}", () => CallerIds(node), node.DisposeAsync);
    }

    private static List<string> CallerIds(NodeProcess node) =>
        node.OutputLines
            .Where(line => line.StartsWith("{\"call\":", StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("callerId").GetString() ?? string.Empty)
            .ToList();
}
