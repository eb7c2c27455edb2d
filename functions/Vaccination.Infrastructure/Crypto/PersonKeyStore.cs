using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Crypto;

/// <summary>
/// One random key per person, wrapped by the tenant's current data key and stored in the PersonKeys table
/// (the key store, kept out of backups and exports). Every personal field of the person, in any table, is
/// encrypted under it, so destroying this one row makes every copy of that person's data unreadable.
/// </summary>
public sealed class PersonKeyStore(StorageTables tables, TenantKeyRing tenantKeys, IOptions<KeyCacheOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.PersonKeyCapacity });
    private readonly KeyCacheOptions _options = options.Value;

    private TableClient Table => tables.Get(TableNames.PersonKeys);

    /// <summary>The person's key, or null when it does not exist (never created, or destroyed by erasure).</summary>
    public async Task<byte[]?> FindAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(CacheKey(tenant, subjectId), out byte[]? cached))
        {
            return cached;
        }

        var partition = PartitionKeys.ForSubject(tenant, subjectId);
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(partition, subjectId.Value, cancellationToken: cancellationToken);
        return stored.HasValue ? await UnwrapAndCacheAsync(tenant, subjectId, stored.Value!, cancellationToken) : null;
    }

    public async Task<byte[]> GetOrCreateAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(tenant, subjectId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var (entity, key) = await NewKeyEntityAsync(tenant, subjectId, cancellationToken);
        try
        {
            await Table.AddEntityAsync(entity, cancellationToken);
            Remember(tenant, subjectId, key);
            return key;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Created concurrently: the stored key wins, ours was never used.
            return (await FindAsync(tenant, subjectId, cancellationToken))!;
        }
    }

    /// <summary>
    /// Gets or creates the keys of many subjects. New keys go in one batch per partition and 100 rows; when a batch
    /// meets an existing key it falls back to one-by-one, so an existing key is never replaced.
    /// </summary>
    public async Task<IReadOnlyDictionary<SubjectId, byte[]>> GetOrCreateManyAsync(
        Tenant tenant, IReadOnlyList<SubjectId> subjectIds, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<SubjectId, byte[]>();
        var missing = new List<(TableEntity Entity, SubjectId Id, byte[] Key)>();
        foreach (var id in subjectIds.Distinct())
        {
            if (_cache.TryGetValue(CacheKey(tenant, id), out byte[]? cached))
            {
                keys[id] = cached!;
                continue;
            }

            var (entity, key) = await NewKeyEntityAsync(tenant, id, cancellationToken);
            missing.Add((entity, id, key));
        }

        foreach (var chunk in missing.GroupBy(m => m.Entity.PartitionKey).SelectMany(group => group.Chunk(TableBatch.MaxSize)))
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk.Select(m => new TableTransactionAction(TableTransactionActionType.Add, m.Entity)), cancellationToken);
                foreach (var (_, id, key) in chunk)
                {
                    keys[id] = Remember(tenant, id, key);
                }
            }
            catch (TableTransactionFailedException)
            {
                foreach (var (_, id, _) in chunk)
                {
                    keys[id] = await GetOrCreateAsync(tenant, id, cancellationToken);
                }
            }
        }

        return keys;
    }

    /// <summary>Destroys the person's key (crypto-shredding) and forgets it; returns whether a key existed.</summary>
    public async Task<bool> DestroyAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken)
    {
        _cache.Remove(CacheKey(tenant, subjectId));
        var response = await Table.DeleteEntityAsync(PartitionKeys.ForSubject(tenant, subjectId), subjectId.Value, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    public void Dispose() => _cache.Dispose();

    private static (MunicipalityCode, string) CacheKey(Tenant tenant, SubjectId id) => (tenant.Code, id.Value);

    private static byte[] AssociatedData(Tenant tenant, SubjectId id, int version) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"person-key|{tenant.Code.Value}|{id.Value}|{version}"));

    private async Task<(TableEntity Entity, byte[] Key)> NewKeyEntityAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken)
    {
        var (version, dataKey) = await tenantKeys.GetCurrentDataKeyAsync(tenant, cancellationToken);
        var key = RandomNumberGenerator.GetBytes(32);
        var entity = new TableEntity(PartitionKeys.ForSubject(tenant, id), id.Value)
        {
            ["DataKeyVersion"] = version,
            ["WrappedKey"] = Convert.ToBase64String(FieldCipher.Seal(dataKey, key, AssociatedData(tenant, id, version))),
        };
        return (entity, key);
    }

    private async Task<byte[]> UnwrapAndCacheAsync(Tenant tenant, SubjectId id, TableEntity entity, CancellationToken cancellationToken)
    {
        var version = entity.GetInt32("DataKeyVersion")!.Value;
        var dataKey = await tenantKeys.GetDataKeyAsync(tenant, version, cancellationToken);
        var key = FieldCipher.Open(dataKey, Convert.FromBase64String(entity.GetString("WrappedKey")), AssociatedData(tenant, id, version));
        return Remember(tenant, id, key);
    }

    private byte[] Remember(Tenant tenant, SubjectId id, byte[] key)
    {
        _cache.Set(CacheKey(tenant, id), key, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _options.PersonKeyLifetime });
        return key;
    }
}
