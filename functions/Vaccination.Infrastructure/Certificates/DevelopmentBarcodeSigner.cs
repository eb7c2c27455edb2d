using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vaccination.Application.Certificates.VdsNc;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.Infrastructure.Certificates;

/// <summary>
/// Barcode-signer certificates for VDS-NC seals: the configured one (base64 DER, issued for the Key Vault key by the
/// country signing CA), or in Development a self-signed certificate for the development key file's signing key.
/// </summary>
public static class DevelopmentBarcodeSigner
{
    /// <summary>The configured certificate with the RFC 7638 thumbprint of its EC P-256 public key.</summary>
    public static BarcodeSignerCertificate FromConfiguration(string base64Der)
    {
        var der = Convert.FromBase64String(base64Der);
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        using var key = certificate.GetECDsaPublicKey()
            ?? throw new InvalidOperationException("Certificates:BarcodeSignerCertificate must hold an EC P-256 public key.");
        return new BarcodeSignerCertificate(der, Thumbprint(key));
    }

    /// <summary>A self-signed certificate (one year) for the development signing key; made at start-up, never stored.</summary>
    public static BarcodeSignerCertificate Create(DevelopmentKeyFile keyFile, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(keyFile);
        ArgumentNullException.ThrowIfNull(clock);
        using var key = keyFile.CreateSigningKey();
        var request = new CertificateRequest("CN=Development VDS-NC barcode signer, O=Vaccination records (development), C=JP", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return new BarcodeSignerCertificate(certificate.Export(X509ContentType.Cert), Thumbprint(key));
    }

    private static string Thumbprint(ECDsa key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return JwkThumbprint.ComputeForEcP256(parameters.Q.X, parameters.Q.Y);
    }
}
