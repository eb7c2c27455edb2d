using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Vaccination.IntegrationTests.Environment;

/// <summary>
/// A test stand-in for the My Number card issuer: an RSA root CA, made once per test run and given to the self-host as
/// its card trust anchor, and an RSA signer certificate under it that signs card text-input-assist data the way the
/// card does. <see cref="Untrusted"/> is a second, unrelated issuer for forgery tests.
/// </summary>
public sealed class TestCardIssuer : IDisposable
{
    private static readonly Lazy<TestCardIssuer> SharedIssuer = new(() => new TestCardIssuer("Test card issuer root"));
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _signer;

    private TestCardIssuer(string rootName)
    {
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest($"CN={rootName}, C=JP", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        _root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));

        using var signerKey = RSA.Create(2048);
        var signerRequest = new CertificateRequest($"CN={rootName} card data signer, C=JP", signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        signerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        signerRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var signerPublic = signerRequest.Create(_root, now.AddDays(-1), now.AddYears(1), [1, 2, 3, 4]);
        _signer = signerPublic.CopyWithPrivateKey(signerKey);
    }

    public static TestCardIssuer Shared => SharedIssuer.Value;

    public string RootCertificateBase64 => Convert.ToBase64String(_root.Export(X509ContentType.Cert));

    /// <summary>An issuer no trust anchor names.</summary>
    public static TestCardIssuer Untrusted() => new("Untrusted card issuer root");

    /// <summary>The signed card envelope of a request body: base64url data, base64url signature, the signer's certificate.</summary>
    public object Card(string myNumber, string name, string address, string birthDate, string sex = "Female")
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(new { name, address, birthDate, sex, myNumber });
        using var key = _signer.GetRSAPrivateKey()!;
        var signature = key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new
        {
            data = Base64Url.EncodeToString(data),
            signature = Base64Url.EncodeToString(signature),
            certificates = new[] { Convert.ToBase64String(_signer.Export(X509ContentType.Cert)) },
        };
    }

    /// <summary>Card data signed for one My Number and then altered to claim another: the signature no longer matches.</summary>
    public object ForgedCard(string signedMyNumber, string claimedMyNumber, string name, string address, string birthDate)
    {
        var genuine = JsonSerializer.SerializeToElement(Card(signedMyNumber, name, address, birthDate));
        var forgedData = JsonSerializer.SerializeToUtf8Bytes(new { name, address, birthDate, sex = "Female", myNumber = claimedMyNumber });
        return new
        {
            data = Base64Url.EncodeToString(forgedData),
            signature = genuine.GetProperty("signature").GetString(),
            certificates = new[] { genuine.GetProperty("certificates")[0].GetString() },
        };
    }

    public void Dispose()
    {
        _root.Dispose();
        _signer.Dispose();
    }
}
