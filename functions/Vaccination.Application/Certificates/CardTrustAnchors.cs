using System.Security.Cryptography.X509Certificates;

namespace Vaccination.Application.Certificates;

/// <summary>
/// The root certificates a My Number card's data signature must chain to (the card issuer's CA), loaded once from
/// configuration: each entry base64 DER or PEM.
/// </summary>
public sealed class CardTrustAnchors : IDisposable
{
    private readonly X509Certificate2Collection _anchors = [];

    public CardTrustAnchors(IEnumerable<string> encodedCertificates)
    {
        ArgumentNullException.ThrowIfNull(encodedCertificates);
        foreach (var encoded in encodedCertificates.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            var text = encoded.Trim();
            _anchors.Add(text.StartsWith("-----BEGIN", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text)));
        }
    }

    public bool IsEmpty => _anchors.Count == 0;

    public X509Certificate2Collection Certificates => _anchors;

    public void Dispose()
    {
        foreach (var anchor in _anchors)
        {
            anchor.Dispose();
        }
    }
}
