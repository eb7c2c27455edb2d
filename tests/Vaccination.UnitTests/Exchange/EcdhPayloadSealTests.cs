using System.Security.Cryptography;
using System.Text;
using Vaccination.Infrastructure.Exchange;

namespace Vaccination.UnitTests.Exchange;

public sealed class EcdhPayloadSealTests
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("x1|m|i|011002|012041|Inquiry|basis|exchange-000001");
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("{\"myNumber\":\"123456789018\"}");

    [Fact]
    public void Open_SealedToRecipient_ReturnsPlaintext()
    {
        using var recipient = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        var sealedPayload = EcdhPayloadSeal.Seal(recipient.ExportSubjectPublicKeyInfo(), Plaintext, Header);

        Assert.StartsWith("x1.", sealedPayload, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789018", sealedPayload, StringComparison.Ordinal);
        Assert.Equal(Plaintext, EcdhPayloadSeal.Open(recipient, sealedPayload, Header));
    }

    [Fact]
    public void Seal_SamePlaintextTwice_GivesDifferentCiphertexts()
    {
        using var recipient = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        var first = EcdhPayloadSeal.Seal(recipient.ExportSubjectPublicKeyInfo(), Plaintext, Header);
        var second = EcdhPayloadSeal.Seal(recipient.ExportSubjectPublicKeyInfo(), Plaintext, Header);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Open_OtherRecipientsKey_Throws()
    {
        using var recipient = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        var sealedPayload = EcdhPayloadSeal.Seal(recipient.ExportSubjectPublicKeyInfo(), Plaintext, Header);

        Assert.ThrowsAny<CryptographicException>(() => EcdhPayloadSeal.Open(other, sealedPayload, Header));
    }

    [Fact]
    public void Open_PayloadMovedUnderAnotherHeader_Throws()
    {
        using var recipient = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

        var sealedPayload = EcdhPayloadSeal.Seal(recipient.ExportSubjectPublicKeyInfo(), Plaintext, Header);

        Assert.ThrowsAny<CryptographicException>(() =>
            EcdhPayloadSeal.Open(recipient, sealedPayload, Encoding.UTF8.GetBytes("x1|m|other-inquiry|011002|012041|Inquiry|basis|exchange-000001")));
    }

    [Fact]
    public void Open_TamperedCiphertext_Throws()
    {
        using var recipient = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var sealedPayload = EcdhPayloadSeal.Seal(recipient.ExportSubjectPublicKeyInfo(), Plaintext, Header);
        var bytes = Convert.FromBase64String(sealedPayload[3..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => EcdhPayloadSeal.Open(recipient, "x1." + Convert.ToBase64String(bytes), Header));
    }
}
