using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vaccination.Application.Keys;

namespace Vaccination.Infrastructure.Keys;

/// <summary>
/// JWS compact serialization with ES256 (RFC 7515/7518): the header names the signing key's kid (its RFC 7638
/// thumbprint); the signature is r||s. Signing goes through <see cref="ISigningKeyProvider"/>, so in Azure the
/// private key never leaves Key Vault. Used for deletion certificates and health cards.
/// </summary>
public sealed class CompactJws(ISigningKeyProvider keys)
{
    /// <summary>Signs <paramref name="payload"/> (already encoded bytes) with the current key.</summary>
    public async Task<string> SignAsync(ReadOnlyMemory<byte> payload, IReadOnlyDictionary<string, string>? extraHeader = null, CancellationToken cancellationToken = default)
    {
        var current = (await keys.GetPublicKeysAsync(cancellationToken))[0];
        var header = new JsonObject();
        foreach (var (name, value) in extraHeader ?? new Dictionary<string, string>())
        {
            header[name] = value;
        }

        header["alg"] = "ES256";
        header["kid"] = current.KeyId;
        var signingInput = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url.EncodeToString(payload.Span)}";
        var signature = await keys.SignDigestAsync(SHA256.HashData(Encoding.ASCII.GetBytes(signingInput)), cancellationToken);
        if (signature.KeyId != current.KeyId)
        {
            throw new CryptographicException("The signing key changed while signing; sign again.");
        }

        return $"{signingInput}.{Base64Url.EncodeToString(signature.Signature)}";
    }

    /// <summary>Verifies a compact ES256 JWS against public keys by kid; returns the payload bytes, or null when invalid.</summary>
    public static byte[]? Verify(string jws, IEnumerable<EcPublicKey> publicKeys)
    {
        ArgumentNullException.ThrowIfNull(jws);
        ArgumentNullException.ThrowIfNull(publicKeys);
        var parts = jws.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "ES256")
            {
                return null;
            }

            var kid = header.RootElement.GetProperty("kid").GetString();
            var key = publicKeys.FirstOrDefault(k => k.KeyId == kid);
            if (key is null)
            {
                return null;
            }

            using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = key.X, Y = key.Y } });
            var valid = ecdsa.VerifyData(
                Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"),
                Base64Url.DecodeFromChars(parts[2]),
                HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return valid ? Base64Url.DecodeFromChars(parts[1]) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or CryptographicException or InvalidOperationException)
        {
            return null;
        }
    }
}
