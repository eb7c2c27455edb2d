using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Vaccination.Benchmarks.Certificates;

/// <summary>A throw-away card issuer for the benchmark: an RSA root (the self-host's trust anchor) and an RSA data signer under it.</summary>
internal sealed class BenchmarkCardIssuer : IDisposable
{
    private readonly X509Certificate2 _root;
    private readonly X509Certificate2 _signer;
    private readonly string _signerBase64;

    public BenchmarkCardIssuer()
    {
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Benchmark card issuer root, C=JP", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var now = DateTimeOffset.UtcNow;
        _root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        using var signerKey = RSA.Create(2048);
        var signerRequest = new CertificateRequest("CN=Benchmark card data signer, C=JP", signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        signerRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var signerPublic = signerRequest.Create(_root, now.AddDays(-1), now.AddDays(30), [7, 7, 7, 7]);
        _signer = signerPublic.CopyWithPrivateKey(signerKey);
        _signerBase64 = Convert.ToBase64String(_signer.Export(X509ContentType.Cert));
    }

    public string RootBase64 => Convert.ToBase64String(_root.Export(X509ContentType.Cert));

    public object Card(string myNumber, string name, string birthDate)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(new { name, address = "北海道旭川市ベンチ町1-1", birthDate, sex = "Female", myNumber });
        using var key = _signer.GetRSAPrivateKey()!;
        return new
        {
            data = Base64Url.EncodeToString(data),
            signature = Base64Url.EncodeToString(key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)),
            certificates = new[] { _signerBase64 },
        };
    }

    public void Dispose()
    {
        _root.Dispose();
        _signer.Dispose();
    }
}
