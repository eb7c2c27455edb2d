using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Vaccination.Domain.Certificates;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Certificates;

/// <summary>
/// Verifies a My Number card's signed text-input-assist data (S13): the signer's certificate chains to a configured
/// trust anchor at the current time, and its key signed exactly the given bytes. Only then is the data read, so the
/// My Number of a certificate application always comes from verified card data. Revocation is not checked here (the
/// card issuer's CRLs are not reachable from this network); chain results are cached for ten minutes per chain.
/// </summary>
public sealed class CardDataVerifier(CardTrustAnchors anchors, TimeProvider clock)
{
    private const int MaxCachedChains = 1024;
    private static readonly TimeSpan ChainCacheLifetime = TimeSpan.FromMinutes(10);

    private static readonly Error EnvelopeInvalid = Error.Validation(
        "card.envelope_invalid", "The card data must carry base64url data, a base64url signature and the signer's certificates (base64 DER).", "card");

    private static readonly Error Untrusted = Error.Validation(
        "card.certificate_untrusted", "The card data's signer certificate does not chain to a trusted card issuer.", "card.certificates");

    private static readonly Error SignatureInvalid = Error.Validation(
        "card.signature_invalid", "The card issuer's signature over the card data does not verify.", "card.signature");

    private readonly ConcurrentDictionary<string, DateTimeOffset> _trustedChains = new(StringComparer.Ordinal);

    public bool HasTrustAnchors => !anchors.IsEmpty;

    public Result<CardData> Verify(SignedCardData? card)
    {
        if (card is not { Data: { } data, Signature: { } signature, Certificates: { Count: > 0 } encodedChain }
            || !TryDecode(data, out var dataBytes)
            || !TryDecode(signature, out var signatureBytes))
        {
            return EnvelopeInvalid;
        }

        var chain = LoadChain(encodedChain);
        if (chain is null)
        {
            return EnvelopeInvalid;
        }

        try
        {
            if (!IsTrusted(chain))
            {
                return Untrusted;
            }

            if (!SignatureVerifies(chain[0], dataBytes, signatureBytes))
            {
                return SignatureInvalid;
            }
        }
        finally
        {
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }
        }

        return Parse(dataBytes);
    }

    private static bool TryDecode(string value, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(value))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(value);
        return bytes.Length > 0;
    }

    private static List<X509Certificate2>? LoadChain(IReadOnlyList<string> encoded)
    {
        var chain = new List<X509Certificate2>();
        try
        {
            foreach (var item in encoded)
            {
                chain.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(item ?? string.Empty)));
            }

            return chain;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }

            return null;
        }
    }

    private bool IsTrusted(List<X509Certificate2> chain)
    {
        if (anchors.IsEmpty || !MaySign(chain[0]))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var cacheKey = Convert.ToHexString(SHA256.HashData(chain.SelectMany(c => c.RawData).ToArray()));
        if (_trustedChains.TryGetValue(cacheKey, out var until) && now < until)
        {
            return true;
        }

        using var builder = new X509Chain();
        builder.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        builder.ChainPolicy.CustomTrustStore.AddRange(anchors.Certificates);
        builder.ChainPolicy.ExtraStore.AddRange(chain.Skip(1).ToArray());
        builder.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        builder.ChainPolicy.VerificationTime = now.LocalDateTime;
        builder.ChainPolicy.UrlRetrievalTimeout = TimeSpan.Zero;
        builder.ChainPolicy.DisableCertificateDownloads = true;
        var trusted = builder.Build(chain[0]);
        foreach (var element in builder.ChainElements)
        {
            element.Certificate.Dispose();
        }

        if (trusted)
        {
            if (_trustedChains.Count >= MaxCachedChains)
            {
                _trustedChains.Clear();
            }

            var leafExpiry = new DateTimeOffset(chain[0].NotAfter.ToUniversalTime(), TimeSpan.Zero);
            _trustedChains[cacheKey] = leafExpiry < now + ChainCacheLifetime ? leafExpiry : now + ChainCacheLifetime;
        }

        return trusted;
    }

    /// <summary>A signer certificate that restricts its key usage must allow digital signatures.</summary>
    private static bool MaySign(X509Certificate2 leaf)
    {
        var usage = leaf.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return usage is null || (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) != 0;
    }

    private static bool SignatureVerifies(X509Certificate2 signer, byte[] data, byte[] signature)
    {
        using var rsa = signer.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = signer.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static Result<CardData> Parse(byte[] data)
    {
        CardDataJson? json;
        try
        {
            json = JsonSerializer.Deserialize<CardDataJson>(data, CardJson.Options);
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            return Error.Validation("card.data_invalid", "The signed card data is not the expected JSON.", "card.data");
        }

        var errors = new List<Error>();
        var myNumber = MyNumber.TryCreate(json.MyNumber, "card.data.myNumber");
        errors.AddRange(myNumber.Errors);
        if (string.IsNullOrWhiteSpace(json.Name) || string.IsNullOrWhiteSpace(json.Address))
        {
            errors.Add(Error.Validation("card.data_invalid", "The signed card data lacks the name or address.", "card.data"));
        }

        if (!DateOnly.TryParseExact(json.BirthDate, "yyyy-MM-dd", out var birthDate))
        {
            errors.Add(Error.Validation("card.data_invalid", "The signed card data's birth date is not YYYY-MM-DD.", "card.data.birthDate"));
        }

        if (!Enum.TryParse<Sex>(json.Sex, ignoreCase: true, out var sex) || !Enum.IsDefined(sex) || int.TryParse(json.Sex, out _))
        {
            errors.Add(Error.Validation("card.data_invalid", "The signed card data's sex is not one of NotKnown, Male, Female, NotApplicable.", "card.data.sex"));
        }

        return errors.Count > 0
            ? Result<CardData>.Failure(errors)
            : new CardData(json.Name!, json.Address!, birthDate, sex, myNumber.Value);
    }

    private sealed record CardDataJson(string? Name, string? Address, string? BirthDate, string? Sex, string? MyNumber);
}
