using System.Security.Cryptography;
using System.Text;
using Vaccination.Domain.Identifiers;

namespace Vaccination.Infrastructure.Crypto;

/// <summary>
/// HMAC-SHA-256 under a per-tenant index key: equal My Numbers give equal index values within one tenant,
/// and nothing about the number can be learnt from the value without the key.
/// </summary>
public static class BlindIndex
{
    public static string ForMyNumber(ReadOnlySpan<byte> indexKey, MyNumber myNumber)
    {
        ArgumentNullException.ThrowIfNull(myNumber);
        return Compute(indexKey, "my-number|" + myNumber.RevealDigits());
    }

    public static string Compute(ReadOnlySpan<byte> indexKey, string value)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(indexKey, Encoding.UTF8.GetBytes(value), mac);
        return Convert.ToHexStringLower(mac);
    }
}
