using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Vaccination.Application.Keys;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Crypto;

/// <summary>
/// Each tenant's versioned data keys and its blind-index key, stored wrapped by the key-encryption key in the
/// TenantKeys table and kept unwrapped in a bounded, time-limited cache so that the KEK is called once per key
/// and lifetime, not once per row. Rotation adds a version; older versions stay readable.
/// </summary>
public sealed class TenantKeyRing(StorageTables tables, IKeyEncryptionKeyProvider keyEncryptionKey, IOptions<KeyCacheOptions> options) : IDisposable
{
    private const string CurrentRow = "current";
    private const string IndexKeyRow = "index-000001";
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly SemaphoreSlim _missLock = new(1, 1);
    private readonly KeyCacheOptions _options = options.Value;

    private TableClient Table => tables.Get(TableNames.TenantKeys);

    /// <summary>The version new data should be protected with, and its key.</summary>
    public async Task<(int Version, byte[] Key)> GetCurrentDataKeyAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var version = await GetOrLoadAsync((tenant.Code, CurrentRow), _options.CurrentVersionLifetime,
            () => ReadOrCreateCurrentVersionAsync(tenant, cancellationToken), cancellationToken);
        return (version, await GetDataKeyAsync(tenant, version, cancellationToken));
    }

    public Task<byte[]> GetDataKeyAsync(Tenant tenant, int version, CancellationToken cancellationToken) =>
        GetUnwrappedAsync(tenant, DataKeyRow(version), cancellationToken);

    public Task<byte[]> GetIndexKeyAsync(Tenant tenant, CancellationToken cancellationToken) =>
        GetUnwrappedAsync(tenant, IndexKeyRow, cancellationToken);

    /// <summary>Creates the next data-key version and makes it current; returns the new version number.</summary>
    public async Task<int> RotateAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await Table.GetEntityAsync<TableEntity>(PartitionKeys.ForTenantKeys(tenant), CurrentRow, cancellationToken: cancellationToken);
            var next = current.Value.GetInt32("Version")!.Value + 1;
            await CreateKeyRowAsync(tenant, DataKeyRow(next), cancellationToken);
            current.Value["Version"] = next;
            try
            {
                await Table.UpdateEntityAsync(current.Value, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                _cache.Remove((tenant.Code, CurrentRow));
                return next;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another instance rotated at the same moment; read again and move past its version.
            }
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        _missLock.Dispose();
    }

    /// <summary>
    /// A cache read whose misses are loaded one at a time, so a burst of requests on a cold instance makes one
    /// key-encryption-key call, not one per request. Misses are rare (once per key and lifetime), so one lock suffices.
    /// </summary>
    private async Task<T> GetOrLoadAsync<T>((MunicipalityCode, string) key, TimeSpan lifetime, Func<Task<T>> load, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(key, out T? cached))
        {
            return cached!;
        }

        await _missLock.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(key, out cached))
            {
                return cached!;
            }

            var value = await load();
            _cache.Set(key, value, lifetime);
            return value;
        }
        finally
        {
            _missLock.Release();
        }
    }

    private static string DataKeyRow(int version) => string.Create(CultureInfo.InvariantCulture, $"data-{version:D6}");

    private async Task<int> ReadOrCreateCurrentVersionAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.ForTenantKeys(tenant);
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, CurrentRow, cancellationToken: cancellationToken);
        if (existing.HasValue)
        {
            return existing.Value!.GetInt32("Version")!.Value;
        }

        await CreateKeyRowAsync(tenant, DataKeyRow(1), cancellationToken);
        await AddIfAbsentAsync(new TableEntity(partition, CurrentRow) { ["Version"] = 1 }, cancellationToken);
        var stored = await Table.GetEntityAsync<TableEntity>(partition, CurrentRow, cancellationToken: cancellationToken);
        return stored.Value.GetInt32("Version")!.Value;
    }

    private async Task<byte[]> GetUnwrappedAsync(Tenant tenant, string row, CancellationToken cancellationToken)
    {
        return await GetOrLoadAsync((tenant.Code, row), _options.TenantKeyLifetime, async () =>
        {
            var stored = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForTenantKeys(tenant), row, cancellationToken: cancellationToken);
            var entity = stored.HasValue ? stored.Value! : await CreateKeyRowAsync(tenant, row, cancellationToken);
            return await keyEncryptionKey.UnwrapKeyAsync(ToWrappedKey(entity), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Creates a key row unless one exists; whichever instance wins, everyone then uses the stored row.</summary>
    private async Task<TableEntity> CreateKeyRowAsync(Tenant tenant, string row, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.ForTenantKeys(tenant);
        var plaintext = RandomNumberGenerator.GetBytes(32);
        try
        {
            var wrapped = await keyEncryptionKey.WrapKeyAsync(plaintext, cancellationToken);
            await AddIfAbsentAsync(
                new TableEntity(partition, row)
                {
                    ["WrappedKey"] = Convert.ToBase64String(wrapped.Ciphertext),
                    ["KeyEncryptionKeyId"] = wrapped.KeyEncryptionKeyId,
                    ["Algorithm"] = wrapped.Algorithm,
                    ["CreatedAt"] = DateTimeOffset.UtcNow,
                },
                cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        return (await Table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken)).Value;
    }

    private async Task AddIfAbsentAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently by another instance: keep theirs.
        }
    }

    private static WrappedKey ToWrappedKey(TableEntity entity) => new(
        entity.GetString("KeyEncryptionKeyId"),
        entity.GetString("Algorithm"),
        Convert.FromBase64String(entity.GetString("WrappedKey")));
}
