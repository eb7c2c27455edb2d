using System.Security.Cryptography;
using System.Text;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Public-key encryption of a payload to one recipient (ECIES shape): a fresh ephemeral P-256 key per message,
/// ECDH with the recipient's public key, HKDF-SHA-256 (salt = ephemeral point | recipient point) to a 256-bit key, and
/// AES-256-GCM with the message header as associated data. Output: "x1." + base64(ephemeral point (65) | nonce | ciphertext | tag).
/// Only the holder of the recipient's private key can open it, and a payload moved under another header does not open.
/// </summary>
internal static class EcdhPayloadSeal
{
    public const string Format = "x1";
    private const int PointSize = 65;
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("vaccination-exchange/x1/aes-256-gcm");

    public static string Seal(ReadOnlySpan<byte> recipientSubjectPublicKeyInfo, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        using var recipient = ECDiffieHellman.Create();
        recipient.ImportSubjectPublicKeyInfo(recipientSubjectPublicKeyInfo, out _);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ephemeralPoint = Point(ephemeral.ExportParameters(false));
        var key = DeriveKey(ephemeral, recipient.PublicKey, ephemeralPoint, Point(recipient.ExportParameters(false)));
        try
        {
            var sealedBytes = Crypto.FieldCipher.Seal(key, plaintext, associatedData);
            return Format + "." + Convert.ToBase64String([.. ephemeralPoint, .. sealedBytes]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Opens a sealed payload; throws <see cref="CryptographicException"/> when it is not for this key or was altered.</summary>
    public static byte[] Open(ECDiffieHellman recipient, string payload, ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.StartsWith(Format + ".", StringComparison.Ordinal))
        {
            throw new CryptographicException("The payload is not in a known sealed format.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(payload[(Format.Length + 1)..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The payload is not base64.", e);
        }

        if (bytes.Length < PointSize || bytes[0] != 0x04)
        {
            throw new CryptographicException("The payload does not start with an uncompressed P-256 point.");
        }

        var ephemeralPoint = bytes.AsSpan(0, PointSize).ToArray();
        using var ephemeral = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = ephemeralPoint[1..33], Y = ephemeralPoint[33..] },
        });
        var key = DeriveKey(recipient, ephemeral.PublicKey, ephemeralPoint, Point(recipient.ExportParameters(false)));
        try
        {
            return Crypto.FieldCipher.Open(key, bytes.AsSpan(PointSize), associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] DeriveKey(ECDiffieHellman own, ECDiffieHellmanPublicKey other, byte[] ephemeralPoint, byte[] recipientPoint)
    {
        var secret = own.DeriveRawSecretAgreement(other);
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, [.. ephemeralPoint, .. recipientPoint], Info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static byte[] Point(ECParameters parameters) => [0x04, .. parameters.Q.X!, .. parameters.Q.Y!];
}
