using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CardTrustAnchors = Vaccination.Application.Certificates.CardTrustAnchors;
using SignedCardData = Vaccination.Application.Certificates.SignedCardData;

namespace Vaccination.ReliabilityTests.Fuzzing;

/// <summary>A throw-away card issuer that signs any bytes, so fuzzed card data gets past the signature check to the parser.</summary>
internal sealed class FuzzCardIssuer : IDisposable
{
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _signer;

    public FuzzCardIssuer()
    {
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Fuzz card root, C=JP", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        _root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        using var signerKey = RSA.Create(2048);
        var signerRequest = new CertificateRequest("CN=Fuzz card signer, C=JP", signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        signerRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var signerPublic = signerRequest.Create(_root, now.AddDays(-1), now.AddDays(30), [9, 9, 9, 9]);
        _signer = signerPublic.CopyWithPrivateKey(signerKey);
        Anchors = new CardTrustAnchors([Convert.ToBase64String(_root.Export(X509ContentType.Cert))]);
        SignerBase64 = Convert.ToBase64String(_signer.Export(X509ContentType.Cert));
    }

    public CardTrustAnchors Anchors { get; }

    public string SignerBase64 { get; }

    public SignedCardData Sign(byte[] data)
    {
        using var key = _signer.GetRSAPrivateKey()!;
        return new SignedCardData(Base64Url.EncodeToString(data), Base64Url.EncodeToString(key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), [SignerBase64]);
    }

    public void Dispose()
    {
        Anchors.Dispose();
        _root.Dispose();
        _signer.Dispose();
    }
}
