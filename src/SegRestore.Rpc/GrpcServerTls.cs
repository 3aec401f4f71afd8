using System.Security.Cryptography.X509Certificates;

namespace SegRestore.Rpc;

/// <summary>
/// TLS for a gRPC endpoint. With <see cref="ClientCertificateAuthorities"/> set, clients must present a certificate
/// that chains to one of them (mutual TLS, as TiDB clusters with cluster TLS do).
/// </summary>
public sealed record GrpcServerTls(X509Certificate2 ServerCertificate, X509Certificate2Collection? ClientCertificateAuthorities = null);
