using System.Globalization;
using Vaccination.Domain.Tenants;

namespace Vaccination.Infrastructure.Crypto;

/// <summary>
/// Encrypts fields of rows that belong to no stored person (an inquiry's My Number and result at A, a queued VRS
/// event) under the tenant's current data key; the key reference "t{version}" names the version, so rotation keeps them readable.
/// </summary>
public sealed class TenantFieldProtector(TenantKeyRing keys)
{
    public async Task<string?> ProtectAsync(Tenant tenant, FieldContext context, string? plaintext, CancellationToken cancellationToken)
    {
        if (plaintext is null)
        {
            return null;
        }

        var (version, key) = await keys.GetCurrentDataKeyAsync(tenant, cancellationToken);
        return FieldCipher.Encrypt(key, string.Create(CultureInfo.InvariantCulture, $"t{version}"), plaintext, context);
    }

    public async Task<string?> UnprotectAsync(Tenant tenant, FieldContext context, string? stored, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            return null;
        }

        var version = int.Parse(FieldCipher.KeyReferenceOf(stored).AsSpan(1), CultureInfo.InvariantCulture);
        return FieldCipher.Decrypt(await keys.GetDataKeyAsync(tenant, version, cancellationToken), stored, context);
    }
}
