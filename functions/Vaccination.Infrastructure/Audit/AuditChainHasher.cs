using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vaccination.Infrastructure.Audit;

/// <summary>
/// The chain hash of audit entries: HMAC-SHA-256, under a per-tenant key derived (HKDF) from the tenant's index key,
/// over a length-prefixed encoding of the tenant, the sequence number, every field of the event and the previous
/// entry's hash. Because the key never sits in storage, someone who can edit the tables cannot recompute the chain.
/// </summary>
public static class AuditChainHasher
{
    private const string KeyLabel = "vaccination/audit-chain/v1|";

    public static byte[] DeriveKey(ReadOnlySpan<byte> tenantIndexKey, string tenant) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, tenantIndexKey.ToArray(), 32, salt: [], info: Encoding.UTF8.GetBytes(KeyLabel + tenant));

    /// <summary>The "previous hash" of a tenant's first entry.</summary>
    public static string Genesis(byte[] key, string tenant) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("genesis|" + tenant)));

    /// <summary>The hash of one entry from its stored text fields (see <c>AuditEntities.HashedFields</c>).</summary>
    public static string Hash(byte[] key, string tenant, long sequence, IReadOnlyList<string?> fields, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var buffer = new MemoryStream();
        Write(buffer, tenant);
        Write(buffer, sequence.ToString(CultureInfo.InvariantCulture));
        foreach (var field in fields)
        {
            Write(buffer, field);
        }

        Write(buffer, previousHash);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, buffer.ToArray()));
    }

    /// <summary>UTC, fixed width, so that stored times sort and compare as text.</summary>
    public static string FormatTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void Write(MemoryStream buffer, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            buffer.Write(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
