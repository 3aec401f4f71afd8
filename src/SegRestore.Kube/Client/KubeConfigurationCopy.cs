using k8s;

namespace SegRestore.Kube.Client;

/// <summary>
/// A copy of every public setting of an official <see cref="KubernetesClientConfiguration"/>, which has no clone of
/// its own. A test sets every public settable property and checks the copy, so a setting added by a later package
/// version is not silently dropped.
/// </summary>
internal static class KubeConfigurationCopy
{
    public static KubernetesClientConfiguration Of(KubernetesClientConfiguration source) => new()
    {
        Host = source.Host,
        Namespace = source.Namespace,
        SslCaCerts = source.SslCaCerts,
        ClientCertificateData = source.ClientCertificateData,
        ClientCertificateKeyData = source.ClientCertificateKeyData,
        ClientCertificateFilePath = source.ClientCertificateFilePath,
        ClientCertificateKeyStoreFlags = source.ClientCertificateKeyStoreFlags,
        ClientKeyFilePath = source.ClientKeyFilePath,
        SkipTlsVerify = source.SkipTlsVerify,
        TlsServerName = source.TlsServerName,
        UserAgent = source.UserAgent,
        Username = source.Username,
        Password = source.Password,
        AccessToken = source.AccessToken,
        TokenProvider = source.TokenProvider,
        HttpClientTimeout = source.HttpClientTimeout,
        FirstMessageHandlerSetup = source.FirstMessageHandlerSetup,
        DisableHttp2 = source.DisableHttp2,
    };
}
