using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SegRestore.Rpc.Tls;

/// <summary>Loads PEM files (a CA bundle, a certificate with its key) with errors that name the file and the fix.</summary>
public static class PemFiles
{
    /// <summary>Every certificate in a PEM bundle such as <c>ca.crt</c>.</summary>
    public static X509Certificate2Collection LoadCertificates(string path, string settingName)
    {
        RequireFile(path, settingName);
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPemFile(path);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{settingName} '{path}' is not a PEM certificate bundle ({ex.Message}); point it at a file with " +
                "'-----BEGIN CERTIFICATE-----' blocks.", ex);
        }

        if (collection.Count == 0)
        {
            throw new InvalidOperationException(
                $"{settingName} '{path}' contains no certificate; point it at a file with '-----BEGIN CERTIFICATE-----' blocks.");
        }

        return collection;
    }

    /// <summary>A certificate and its private key from two PEM files (<c>tls.crt</c>, <c>tls.key</c>).</summary>
    public static X509Certificate2 LoadCertificateWithKey(string certificatePath, string keyPath, string settingName)
    {
        RequireFile(certificatePath, settingName + " certificate");
        RequireFile(keyPath, settingName + " key");
        try
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{settingName}: certificate '{certificatePath}' and key '{keyPath}' could not be loaded as a PEM pair " +
                $"({ex.Message}); check that the key is unencrypted PEM and belongs to the certificate.", ex);
        }
    }

    private static void RequireFile(string path, string settingName)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"{settingName} is empty; set it to the path of a PEM file.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{settingName} '{path}' does not exist; mount the file or fix the path.");
        }
    }
}
