using Grpc.Core;
using SegRestore.Reporter.Contract;
using SegRestore.Worker.Config;

namespace SegRestore.Worker.Reporting;

/// <summary>The reporter's TLS certificate is not trusted: a configuration error that says what to set.</summary>
public sealed class ReporterTrustException : Exception
{
    public ReporterTrustException()
    {
    }

    public ReporterTrustException(string message)
        : base(message)
    {
    }

    public ReporterTrustException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReporterTrustException(Uri reporter, bool trustsPrivateCa, RpcException cause)
        : base(Describe(reporter, trustsPrivateCa, cause), cause)
    {
    }

    private static string Describe(Uri reporter, bool trustsPrivateCa, RpcException cause) =>
        $"The reporter at {reporter} presented a TLS certificate this worker does not trust ({cause.Status.Detail}). " +
        (trustsPrivateCa
            ? $"The CA in {WorkerEnv.ReporterCa} did not sign it, or it is not issued for this host name: mount the CA that signed " +
              "the operator's Operator__ReporterTls__CertFile and make its subject alternative names cover the reporter URL's host."
            : $"Set {WorkerEnv.ReporterCa} to the PEM file of the CA that signed it: configure the operator with " +
              "Operator__ReporterCaSecretName (a Secret with ca.crt) so that worker pods mount it.");
}
