using System.Security.Cryptography;
using System.Text;

namespace Vaccination.Infrastructure.Crypto;

/// <summary>
/// AES-256-GCM for single stored values. The stored form is "e1.{keyReference}.{base64(nonce | ciphertext | tag)}":
/// it names its format and key, and its associated data binds it to its <see cref="FieldContext"/>.
/// </summary>
public static class FieldCipher
{
    public const string Format = "e1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static string Encrypt(ReadOnlySpan<byte> key, string keyReference, string plaintext, FieldContext context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(context);
        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = Seal(key, plainBytes, context.ToAssociatedData(Format, keyReference));
        return $"{Format}.{keyReference}.{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>Decrypts a stored value; throws <see cref="CryptographicException"/> if it was altered, moved or made under another key.</summary>
    public static string Decrypt(ReadOnlySpan<byte> key, string stored, FieldContext context)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(context);
        var parts = stored.Split('.', 3);
        if (parts.Length != 3 || parts[0] != Format)
        {
            throw new CryptographicException("The stored value is not in a known encrypted format.");
        }

        var plainBytes = Open(key, Convert.FromBase64String(parts[2]), context.ToAssociatedData(Format, parts[1]));
        return Encoding.UTF8.GetString(plainBytes);
    }

    /// <summary>The key reference of a stored value ("p" for a person key, "t{n}" for a tenant data key version).</summary>
    public static string KeyReferenceOf(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('.', 3);
        return parts.Length == 3 ? parts[1] : throw new CryptographicException("The stored value is not encrypted.");
    }

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), associatedData);
        return output;
    }

    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted value is truncated.");
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            sealedBytes[..NonceSize],
            sealedBytes[NonceSize..^TagSize],
            sealedBytes[^TagSize..],
            plaintext,
            associatedData);
        return plaintext;
    }
}
