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
/// One row per person in the PersonKeys table (the key store, kept out of backups and exports). The row is keyed by
/// the person's blind index: the HMAC of their My Number, or of their internal number when no My Number is held.
/// It holds the person's random data key, wrapped by the tenant's data key, and the subject it belongs to. So the
/// same row is the My Number index, and deleting it both forgets the number and crypto-shreds every copy of the
/// person's data. The subject row names its key row ("PersonKeyRow").
/// </summary>
public sealed class PersonKeyStore(StorageTables tables, TenantKeyRing tenantKeys, IOptions<KeyCacheOptions> options) : IDisposable
{
    public const string PointerProperty = "PersonKeyRow";
    public const string KeyIdProperty = "PersonKeyId";
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.PersonKeyCapacity });
    private readonly KeyCacheOptions _options = options.Value;

    private TableClient Table => tables.Get(TableNames.PersonKeys);

    /// <summary>The key row id of a person: the blind index of their My Number, or of their internal number.</summary>
    public async Task<string> KeyRowForAsync(Tenant tenant, SubjectId subjectId, MyNumber? myNumber, CancellationToken cancellationToken) =>
        myNumber is null
            ? BlindIndex.Compute(await tenantKeys.GetIndexKeyAsync(tenant, cancellationToken), "subject|" + subjectId.Value)
            : await MyNumberRowAsync(tenant, myNumber, cancellationToken);

    /// <summary>The key row id that a My Number maps to in this tenant.</summary>
    public async Task<string> MyNumberRowAsync(Tenant tenant, MyNumber myNumber, CancellationToken cancellationToken) =>
        BlindIndex.ForMyNumber(await tenantKeys.GetIndexKeyAsync(tenant, cancellationToken), myNumber);

    /// <summary>The person's key if this instance holds it in memory.</summary>
    public PersonKey? FindCached(Tenant tenant, SubjectId subjectId) =>
        _cache.TryGetValue(CacheKey(tenant, subjectId), out PersonKey? cached) ? cached : null;

    /// <summary>Which subject holds this key row (a My Number lookup), or null when nobody does.</summary>
    public async Task<SubjectId?> FindHolderAsync(Tenant tenant, string keyRow, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForIndex(tenant, keyRow), keyRow, ["SubjectId"], cancellationToken);
        return row.HasValue ? SubjectId.TryCreate(row.Value!.GetString("SubjectId")).Value : null;
    }

    /// <summary>The person's key through the subject row's pointer, or null when it does not exist (never made, or destroyed).</summary>
    public async Task<PersonKey?> FindAsync(Tenant tenant, SubjectId subjectId, string? keyRow, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(CacheKey(tenant, subjectId), out PersonKey? cached))
        {
            return cached;
        }

        if (keyRow is null)
        {
            return null;
        }

        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForIndex(tenant, keyRow), keyRow, cancellationToken: cancellationToken);
        return stored.HasValue && stored.Value!.GetString("SubjectId") == subjectId.Value
            ? await UnwrapAndCacheAsync(tenant, subjectId, stored.Value!, cancellationToken)
            : null;
    }

    /// <summary>The key of a stored subject, following the subject row's pointer when it is not cached; null when there is none.</summary>
    public async Task<PersonKey?> FindForSubjectAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken) =>
        FindCached(tenant, subjectId) ?? await FindAsync(tenant, subjectId, await PointerOfAsync(tenant, subjectId, cancellationToken), cancellationToken);

    /// <summary>The key row a stored subject points at, or null when the subject is not stored.</summary>
    public async Task<string?> PointerOfAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken)
    {
        var row = await tables.Get(TableNames.Subjects).GetEntityIfExistsAsync<TableEntity>(
            PartitionKeys.ForSubject(tenant, subjectId), subjectId.Value, [PointerProperty], cancellationToken);
        return row.HasValue ? row.Value!.GetString(PointerProperty) : null;
    }

    /// <summary>
    /// Makes <paramref name="keyRow"/> hold the subject's key: a new random key, or <paramref name="existingKey"/> when the
    /// person already has one (their My Number changed). Returns null when another subject already holds the row.
    /// </summary>
    public async Task<PersonKey?> ClaimAsync(Tenant tenant, SubjectId subjectId, string keyRow, PersonKey? existingKey, CancellationToken cancellationToken)
    {
        var key = existingKey ?? NewKey();
        try
        {
            await Table.AddEntityAsync(await ToEntityAsync(tenant, subjectId, keyRow, key, cancellationToken), cancellationToken);
            return Remember(tenant, subjectId, key);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = (await Table.GetEntityAsync<TableEntity>(PartitionKeys.ForIndex(tenant, keyRow), keyRow, cancellationToken: cancellationToken)).Value;
            if (stored.GetString("SubjectId") == subjectId.Value)
            {
                return await UnwrapAndCacheAsync(tenant, subjectId, stored, cancellationToken);
            }

            return await IsAbandonedAsync(tenant, stored, cancellationToken)
                ? await TakeOverAsync(tenant, subjectId, stored, key, cancellationToken)
                : null;
        }
    }

    /// <summary>
    /// Claims the key rows of many subjects at once: one batch per partition and 100 rows. A batch that meets an
    /// existing row falls back to one-by-one, so an existing key is never replaced. Subjects whose row another subject
    /// holds are left out of the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<SubjectId, PersonKey>> ClaimManyAsync(
        Tenant tenant, IReadOnlyList<(SubjectId Id, string KeyRow)> subjects, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<SubjectId, PersonKey>();
        var pending = new List<(TableEntity Entity, SubjectId Id, PersonKey Key)>();
        foreach (var (id, keyRow) in subjects)
        {
            if (_cache.TryGetValue(CacheKey(tenant, id), out PersonKey? cached))
            {
                keys[id] = cached!;
                continue;
            }

            var key = NewKey();
            pending.Add((await ToEntityAsync(tenant, id, keyRow, key, cancellationToken), id, key));
        }

        foreach (var batch in pending.GroupBy(p => p.Entity.PartitionKey).SelectMany(group => group.Chunk(TableBatch.MaxSize)))
        {
            try
            {
                await Table.SubmitTransactionAsync(batch.Select(p => new TableTransactionAction(TableTransactionActionType.Add, p.Entity)), cancellationToken);
                foreach (var (_, id, key) in batch)
                {
                    keys[id] = Remember(tenant, id, key);
                }
            }
            catch (TableTransactionFailedException)
            {
                foreach (var (entity, id, _) in batch)
                {
                    if (await ClaimAsync(tenant, id, entity.RowKey, existingKey: null, cancellationToken) is { } key)
                    {
                        keys[id] = key;
                    }
                }
            }
        }

        return keys;
    }

    /// <summary>Deletes a key row (the person's key, or a superseded row after a My Number change).</summary>
    public async Task ReleaseAsync(Tenant tenant, SubjectId subjectId, string keyRow, bool forgetKey, CancellationToken cancellationToken)
    {
        if (forgetKey)
        {
            _cache.Remove(CacheKey(tenant, subjectId));
        }

        await Table.DeleteEntityAsync(PartitionKeys.ForIndex(tenant, keyRow), keyRow, ETag.All, cancellationToken);
    }

    /// <summary>Drops a person's key from this instance's memory (after erasure).</summary>
    public void Forget(Tenant tenant, SubjectId subjectId) => _cache.Remove(CacheKey(tenant, subjectId));

    public void Dispose() => _cache.Dispose();

    /// <summary>A row is abandoned when the subject it names does not point back at it (a save that failed half-way).</summary>
    private async Task<bool> IsAbandonedAsync(Tenant tenant, TableEntity keyRow, CancellationToken cancellationToken)
    {
        var holder = SubjectId.TryCreate(keyRow.GetString("SubjectId")).Value;
        var subject = await tables.Get(TableNames.Subjects).GetEntityIfExistsAsync<TableEntity>(
            PartitionKeys.ForSubject(tenant, holder), holder.Value, [PointerProperty], cancellationToken);
        return !subject.HasValue || subject.Value!.GetString(PointerProperty) != keyRow.RowKey;
    }

    private async Task<PersonKey?> TakeOverAsync(Tenant tenant, SubjectId subjectId, TableEntity abandoned, PersonKey key, CancellationToken cancellationToken)
    {
        try
        {
            var entity = await ToEntityAsync(tenant, subjectId, abandoned.RowKey, key, cancellationToken);
            await Table.UpdateEntityAsync(entity, abandoned.ETag, TableUpdateMode.Replace, cancellationToken);
            return Remember(tenant, subjectId, key);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    private static (MunicipalityCode, string) CacheKey(Tenant tenant, SubjectId id) => (tenant.Code, id.Value);

    private static byte[] AssociatedData(Tenant tenant, SubjectId id, int version) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"person-key|{tenant.Code.Value}|{id.Value}|{version}"));

    private static PersonKey NewKey() => new(RandomNumberGenerator.GetBytes(32), Guid.NewGuid().ToString("N"));

    private async Task<TableEntity> ToEntityAsync(Tenant tenant, SubjectId id, string keyRow, PersonKey key, CancellationToken cancellationToken)
    {
        var (version, dataKey) = await tenantKeys.GetCurrentDataKeyAsync(tenant, cancellationToken);
        return new TableEntity(PartitionKeys.ForIndex(tenant, keyRow), keyRow)
        {
            ["SubjectId"] = id.Value,
            ["KeyId"] = key.KeyId,
            ["DataKeyVersion"] = version,
            ["WrappedKey"] = Convert.ToBase64String(FieldCipher.Seal(dataKey, key.Key, AssociatedData(tenant, id, version))),
        };
    }

    private async Task<PersonKey> UnwrapAndCacheAsync(Tenant tenant, SubjectId id, TableEntity entity, CancellationToken cancellationToken)
    {
        var version = entity.GetInt32("DataKeyVersion")!.Value;
        var dataKey = await tenantKeys.GetDataKeyAsync(tenant, version, cancellationToken);
        var key = FieldCipher.Open(dataKey, Convert.FromBase64String(entity.GetString("WrappedKey")), AssociatedData(tenant, id, version));
        return Remember(tenant, id, new PersonKey(key, entity.GetString("KeyId")));
    }

    private PersonKey Remember(Tenant tenant, SubjectId id, PersonKey key)
    {
        _cache.Set(CacheKey(tenant, id), key, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _options.PersonKeyLifetime });
        return key;
    }
}
