using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Keys;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>
/// Each tenant's webhook secret: 32 random bytes made on first use, stored in the tenant's TenantKeys partition (row
/// "webhook-000001") wrapped by the key-encryption key, like the tenant's data and index keys, and cached unwrapped for
/// the tenant-key lifetime. A random secret (rather than one derived from the index key) can be replaced without
/// touching any blind index.
/// </summary>
public sealed class TenantWebhookSecrets(StorageTables tables, IKeyEncryptionKeyProvider keyEncryptionKey, IOptions<KeyCacheOptions> options)
    : IWebhookSecretProvider, IDisposable
{
    public const string Row = "webhook-000001";
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly SemaphoreSlim _missLock = new(1, 1);

    private TableClient Table => tables.Get(TableNames.TenantKeys);

    public async Task<byte[]> GetSecretAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (_cache.TryGetValue(tenant.Code, out byte[]? cached))
        {
            return cached!;
        }

        await _missLock.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(tenant.Code, out cached))
            {
                return cached!;
            }

            var secret = await LoadOrCreateAsync(tenant, cancellationToken);
            _cache.Set(tenant.Code, secret, options.Value.TenantKeyLifetime);
            return secret;
        }
        finally
        {
            _missLock.Release();
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        _missLock.Dispose();
    }

    private async Task<byte[]> LoadOrCreateAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.ForTenantKeys(tenant);
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(partition, Row, cancellationToken: cancellationToken);
        if (!stored.HasValue)
        {
            var plaintext = RandomNumberGenerator.GetBytes(32);
            try
            {
                var wrapped = await keyEncryptionKey.WrapKeyAsync(plaintext, cancellationToken);
                await Table.AddEntityAsync(new TableEntity(partition, Row)
                {
                    ["WrappedKey"] = Convert.ToBase64String(wrapped.Ciphertext),
                    ["KeyEncryptionKeyId"] = wrapped.KeyEncryptionKeyId,
                    ["Algorithm"] = wrapped.Algorithm,
                    ["Purpose"] = "webhook-hmac",
                }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another instance created it first; everyone uses the stored one.
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }

            stored = await Table.GetEntityIfExistsAsync<TableEntity>(partition, Row, cancellationToken: cancellationToken);
        }

        var entity = stored.Value!;
        return await keyEncryptionKey.UnwrapKeyAsync(
            new WrappedKey(entity.GetString("KeyEncryptionKeyId"), entity.GetString("Algorithm"), Convert.FromBase64String(entity.GetString("WrappedKey"))),
            cancellationToken);
    }
}
