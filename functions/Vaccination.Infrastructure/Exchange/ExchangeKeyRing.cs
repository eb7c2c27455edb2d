using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Each tenant's exchange key pair (ECDH P-256), a new key-row kind in the tenant's TenantKeys partition
/// ("exchange-000001"): the public key in clear (SubjectPublicKeyInfo), the private key (PKCS#8) sealed with AES-256-GCM
/// under the tenant's current data key (<see cref="TenantKeyRing"/>), bound to tenant, row and data-key version. So the
/// private key is protected by the same hierarchy as every personal field and is readable only through the KEK.
/// Rows of the existing kinds ("current", "data-N", "index-N") are untouched.
/// </summary>
public sealed class ExchangeKeyRing(StorageTables tables, TenantKeyRing tenantKeys, IOptions<KeyCacheOptions> options) : IDisposable
{
    /// <summary>The key id of the current exchange key pair (one version today; a rotation adds "exchange-000002").</summary>
    public const string CurrentKeyId = "exchange-000001";

    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly SemaphoreSlim _missLock = new(1, 1);

    private TableClient Table => tables.Get(TableNames.TenantKeys);

    /// <summary>The tenant's exchange public key (created with its private key on first use).</summary>
    public async Task<(string KeyId, byte[] SubjectPublicKeyInfo)> GetPublicKeyAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var pair = await GetPairAsync(tenant, CurrentKeyId, cancellationToken);
        return (CurrentKeyId, pair!.PublicKey);
    }

    /// <summary>The tenant's exchange private key of that id, or null when there is no such key. The caller disposes it.</summary>
    public async Task<ECDiffieHellman?> GetPrivateKeyAsync(Tenant tenant, string keyId, CancellationToken cancellationToken)
    {
        if (keyId != CurrentKeyId)
        {
            return null;
        }

        var pair = await GetPairAsync(tenant, keyId, cancellationToken);
        var key = ECDiffieHellman.Create();
        key.ImportPkcs8PrivateKey(pair!.PrivateKey, out _);
        return key;
    }

    public void Dispose()
    {
        _cache.Dispose();
        _missLock.Dispose();
    }

    private async Task<KeyPair?> GetPairAsync(Tenant tenant, string keyId, CancellationToken cancellationToken)
    {
        var cacheKey = (tenant.Code, keyId);
        if (_cache.TryGetValue(cacheKey, out KeyPair? cached))
        {
            return cached;
        }

        await _missLock.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(cacheKey, out cached))
            {
                return cached;
            }

            var pair = await LoadOrCreateAsync(tenant, keyId, cancellationToken);
            _cache.Set(cacheKey, pair, options.Value.TenantKeyLifetime);
            return pair;
        }
        finally
        {
            _missLock.Release();
        }
    }

    private async Task<KeyPair> LoadOrCreateAsync(Tenant tenant, string keyId, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.ForTenantKeys(tenant);
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(partition, keyId, cancellationToken: cancellationToken);
        if (!stored.HasValue)
        {
            await CreateAsync(tenant, keyId, cancellationToken);
            stored = await Table.GetEntityIfExistsAsync<TableEntity>(partition, keyId, cancellationToken: cancellationToken);
        }

        var entity = stored.Value!;
        var version = entity.GetInt32("DataKeyVersion")!.Value;
        var dataKey = await tenantKeys.GetDataKeyAsync(tenant, version, cancellationToken);
        var privateKey = FieldCipher.Open(dataKey, Convert.FromBase64String(entity.GetString("WrappedPrivateKey")), AssociatedData(tenant, keyId, version));
        return new KeyPair(Convert.FromBase64String(entity.GetString("PublicKey")), privateKey);
    }

    /// <summary>Creates the key row unless one exists; whichever instance wins, everyone then uses the stored row.</summary>
    private async Task CreateAsync(Tenant tenant, string keyId, CancellationToken cancellationToken)
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var privateKey = key.ExportPkcs8PrivateKey();
        try
        {
            var (version, dataKey) = await tenantKeys.GetCurrentDataKeyAsync(tenant, cancellationToken);
            await Table.AddEntityAsync(new TableEntity(PartitionKeys.ForTenantKeys(tenant), keyId)
            {
                ["Kind"] = "exchange-ecdh-p256",
                ["PublicKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
                ["WrappedPrivateKey"] = Convert.ToBase64String(FieldCipher.Seal(dataKey, privateKey, AssociatedData(tenant, keyId, version))),
                ["DataKeyVersion"] = version,
                ["CreatedAt"] = DateTimeOffset.UtcNow,
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently by another instance: keep theirs.
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private static byte[] AssociatedData(Tenant tenant, string keyId, int dataKeyVersion) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"exchange-key|{tenant.Code.Value}|{keyId}|{dataKeyVersion}"));

    private sealed record KeyPair(byte[] PublicKey, byte[] PrivateKey);
}
