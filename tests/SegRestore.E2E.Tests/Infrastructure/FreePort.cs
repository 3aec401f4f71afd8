using System.Net;
using System.Net.Sockets;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>A free loopback TCP port (for the operator's listeners, which are told their port up front).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
