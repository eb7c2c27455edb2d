using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Vaccination.Infrastructure.Keys;

/// <summary>
/// RFC 7638 JWK thumbprints, used as the <c>kid</c> of published signing keys (as SMART Health Cards require):
/// base64url(SHA-256(the key's required members, lexicographically ordered, no whitespace)).
/// </summary>
public static class JwkThumbprint
{
    private const int P256CoordinateLength = 32;

    /// <summary>
    /// The thumbprint of an EC P-256 public key: SHA-256 over
    /// <c>{"crv":"P-256","kty":"EC","x":"...","y":"..."}</c>, base64url without padding.
    /// </summary>
    public static string ComputeForEcP256(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        if (x.Length != P256CoordinateLength || y.Length != P256CoordinateLength)
        {
            throw new ArgumentException("A P-256 public key has 32-byte x and y coordinates.");
        }

        var json = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Base64Url.EncodeToString(x)
            + "\",\"y\":\"" + Base64Url.EncodeToString(y) + "\"}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(json), hash);
        return Base64Url.EncodeToString(hash);
    }
}
