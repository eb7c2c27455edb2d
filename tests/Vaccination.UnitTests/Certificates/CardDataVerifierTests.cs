using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Vaccination.Application.Certificates;
using X509Request = System.Security.Cryptography.X509Certificates.CertificateRequest;

namespace Vaccination.UnitTests.Certificates;

public sealed class CardDataVerifierTests : IDisposable
{
    private const string CardJson = """{"name":"旭川 花子","address":"北海道旭川市1-1","birthDate":"1975-03-14","sex":"Female","myNumber":"123456789018"}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private readonly RSA _rootKey = RSA.Create(2048);
    private readonly RSA _signerKey = RSA.Create(2048);
    private readonly X509Certificate2 _root;

    public CardDataVerifierTests()
    {
        var request = new X509Request("CN=Unit test card root", _rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        _root = request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
    }

    [Fact]
    public void Verify_SignedByTrustedIssuer_ReturnsCardDataWithMyNumber()
    {
        var result = Verifier(_root).Verify(Envelope(CardJson, Signer(Now.AddDays(-1), Now.AddYears(1))));

        Assert.True(result.IsSuccess);
        Assert.Equal("123456789018", result.Value.MyNumber.RevealDigits());
        Assert.Equal(new DateOnly(1975, 3, 14), result.Value.BirthDate);
        Assert.DoesNotContain("花子", result.Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DataChangedAfterSigning_IsSignatureInvalid()
    {
        var envelope = Envelope(CardJson, Signer(Now.AddDays(-1), Now.AddYears(1)));
        var forged = envelope with { Data = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CardJson.Replace("123456789018", "100000000019", StringComparison.Ordinal))) };

        var result = Verifier(_root).Verify(forged);

        Assert.Equal("card.signature_invalid", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Verify_SignerUnderAnotherRoot_IsCertificateUntrusted()
    {
        using var otherKey = RSA.Create(2048);
        using var other = new X509Request("CN=Other root", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));

        var result = Verifier(other).Verify(Envelope(CardJson, Signer(Now.AddDays(-1), Now.AddYears(1))));

        Assert.Equal("card.certificate_untrusted", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Verify_ExpiredSigner_IsCertificateUntrusted()
    {
        var result = Verifier(_root).Verify(Envelope(CardJson, Signer(Now.AddYears(-1), Now.AddDays(-1))));

        Assert.Equal("card.certificate_untrusted", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Verify_NoTrustAnchorsConfigured_IsCertificateUntrusted()
    {
        using var none = new CardTrustAnchors([]);

        var result = new CardDataVerifier(none, new FakeTimeProvider(Now)).Verify(Envelope(CardJson, Signer(Now.AddDays(-1), Now.AddYears(1))));

        Assert.Equal("card.certificate_untrusted", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData(null, "c2ln", "card.envelope_invalid")]
    [InlineData("not base64url!", "c2ln", "card.envelope_invalid")]
    public void Verify_MalformedEnvelope_IsEnvelopeInvalid(string? data, string signature, string code)
    {
        var result = Verifier(_root).Verify(new SignedCardData(data, signature, ["AAAA"]));

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Verify_SignedDataWithWrongCheckDigit_IsRefusedWithMyNumberError()
    {
        var json = CardJson.Replace("123456789018", "123456789019", StringComparison.Ordinal);

        var result = Verifier(_root).Verify(Envelope(json, Signer(Now.AddDays(-1), Now.AddYears(1))));

        Assert.Contains(result.Errors, e => e.Code == "my_number.check_digit" && e.Field == "card.data.myNumber");
    }

    public void Dispose()
    {
        _root.Dispose();
        _rootKey.Dispose();
        _signerKey.Dispose();
    }

    private static CardDataVerifier Verifier(X509Certificate2 anchor) =>
        new(new CardTrustAnchors([Convert.ToBase64String(anchor.Export(X509ContentType.Cert))]), new FakeTimeProvider(Now));

    private X509Certificate2 Signer(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = new X509Request("CN=Unit test card signer", _signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        return request.Create(_root, notBefore, notAfter, new byte[] { 9, 8, 7, 6 });
    }

    private SignedCardData Envelope(string json, X509Certificate2 signer)
    {
        using (signer)
        {
            var data = Encoding.UTF8.GetBytes(json);
            var signature = _signerKey.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return new SignedCardData(Base64Url.EncodeToString(data), Base64Url.EncodeToString(signature), [Convert.ToBase64String(signer.Export(X509ContentType.Cert))]);
        }
    }
}
