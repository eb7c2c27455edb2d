using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.KeyVault;
using static Vaccination.UnitTests.KeyVault.KeyVaultWire;

namespace Vaccination.UnitTests.KeyVault;

public sealed class KeyVaultSigningKeyProviderTests
{
    // The SMART Health Cards specification's example issuer key (its JWKS and the JWS header of example-00).
    private const string ShcExampleX = "11XvRWy1I2S0EyJlyf_bWfw_TQ5CJJNLw78bHXNxcgw";
    private const string ShcExampleY = "eZXwxvO1hvCY0KucrPfKo7yAyMT6Ajc3N7OkAB6VYy8";
    private const string ShcExampleKid = "3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s";

    private readonly RecordingTransport _transport = new();
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task SignDigestAsync_VaultSigningWithRealP256Key_SignatureVerifiesWithPublishedKey()
    {
        using var vaultKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = vaultKey.ExportParameters(includePrivateParameters: false);
        _transport
            .Enqueue(200, EcKey(KeyId("signing", VersionOne), parameters.Q.X!, parameters.Q.Y!))
            .Enqueue(request => SignLikeKeyVault(vaultKey, request));
        var provider = CreateProvider();
        var payload = Encoding.UTF8.GetBytes("""{"iss":"https://example.org/issuer","nbf":1764493200}""");

        var signature = await provider.SignDigestAsync(SHA256.HashData(payload));
        var published = Assert.Single(await provider.GetPublicKeysAsync());
        byte[] tampered = [.. payload, (byte)' '];

        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = published.X, Y = published.Y },
        });
        Assert.Equal(64, signature.Signature.Length);
        Assert.Equal(published.KeyId, signature.KeyId);
        Assert.True(verifier.VerifyData(payload, signature.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.False(verifier.VerifyData(tampered, signature.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public async Task SignDigestAsync_Digest_SignsWithCurrentVersionUsingEs256()
    {
        var digest = SHA256.HashData("payload"u8);
        _transport
            .Enqueue(200, EcKey(KeyId("signing", VersionOne), Base64Url.DecodeFromChars(ShcExampleX), Base64Url.DecodeFromChars(ShcExampleY)))
            .Enqueue(200, KeyOperation(KeyId("signing", VersionOne), new byte[64]));
        var provider = CreateProvider();

        var result = await provider.SignDigestAsync(digest);

        var sign = _transport.Requests[1];
        Assert.Equal(RequestMethod.Post, sign.Method);
        Assert.Equal($"/keys/signing/{VersionOne}/sign", sign.Uri.AbsolutePath);
        Assert.Equal("?api-version=7.5", sign.Uri.Query);
        Assert.Equal("ES256", sign.BodyJson().GetProperty("alg").GetString());
        Assert.Equal(Base64Url.EncodeToString(digest), sign.BodyJson().GetProperty("value").GetString());
        Assert.Equal(ShcExampleKid, result.KeyId);
    }

    [Fact]
    public async Task GetPublicKeysAsync_CurrentKey_ReturnsCoordinatesWithJwkThumbprintKid()
    {
        _transport.Enqueue(200, EcKey(KeyId("signing", VersionOne), Base64Url.DecodeFromChars(ShcExampleX), Base64Url.DecodeFromChars(ShcExampleY)));
        var provider = CreateProvider();

        var key = Assert.Single(await provider.GetPublicKeysAsync());

        Assert.Equal(ShcExampleKid, key.KeyId);
        Assert.Equal(ShcExampleX, Base64Url.EncodeToString(key.X));
        Assert.Equal(ShcExampleY, Base64Url.EncodeToString(key.Y));
    }

    [Fact]
    public async Task SignDigestAsync_TwoSignaturesAndJwksWithinCachePeriod_GetsKeyOnce()
    {
        var x = Base64Url.DecodeFromChars(ShcExampleX);
        var y = Base64Url.DecodeFromChars(ShcExampleY);
        _transport
            .Enqueue(200, EcKey(KeyId("signing", VersionOne), x, y))
            .Enqueue(200, KeyOperation(KeyId("signing", VersionOne), new byte[64]))
            .Enqueue(200, KeyOperation(KeyId("signing", VersionOne), new byte[64]));
        var provider = CreateProvider();

        await provider.SignDigestAsync(new byte[32]);
        await provider.GetPublicKeysAsync();
        _clock.Advance(TimeSpan.FromMinutes(5));
        await provider.SignDigestAsync(new byte[32]);

        Assert.Equal(1, _transport.Requests.Count(r => r.Method == RequestMethod.Get));
        Assert.Equal(2, _transport.Requests.Count(r => r.Method == RequestMethod.Post));
    }

    [Fact]
    public async Task SignDigestAsync_RsaKeyConfigured_ThrowsWithoutSigning()
    {
        _transport.Enqueue(200, RsaKey(KeyId("signing", VersionOne), new byte[256]));
        var provider = CreateProvider();

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.SignDigestAsync(new byte[32]));

        Assert.Single(_transport.Requests);
    }

    [Fact]
    public async Task SignDigestAsync_DigestNot32Bytes_ThrowsWithoutSendingRequest()
    {
        var provider = CreateProvider();

        await Assert.ThrowsAsync<ArgumentException>(() => provider.SignDigestAsync(new byte[20]));

        Assert.Empty(_transport.Requests);
    }

    private KeyVaultSigningKeyProvider CreateProvider() =>
        new(CreateClient(_transport), "signing", TimeSpan.FromMinutes(10), _clock);

    /// <summary>What Key Vault's sign operation does: ES256 over the posted digest, answered as r||s base64url.</summary>
    private static StubResponse SignLikeKeyVault(ECDsa key, RecordedRequest request)
    {
        var body = request.BodyJson();
        if (body.GetProperty("alg").GetString() != "ES256")
        {
            return StubResponse.Json(400, Error("BadParameter", "Unsupported algorithm."));
        }

        var digest = Base64Url.DecodeFromChars(body.GetProperty("value").GetString());
        var signature = key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return StubResponse.Json(200, KeyOperation(KeyId("signing", VersionOne), signature));
    }
}
