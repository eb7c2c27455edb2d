using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Subjects;

/// <summary>
/// Subjects and doses on Azure Tables, every personal field encrypted under the person's key, every key
/// derived from the tenant. Writes go key first, index second, subject last, so a crash leaves at most an unused
/// key or an index row that <see cref="FindByMyNumberAsync"/> recognises as stale.
/// </summary>
public sealed class TableSubjectStore(StorageTables tables, PersonKeyStore personKeys, TenantKeyRing tenantKeys) : ISubjectStore
{
    private readonly MyNumberIndexTable _index = new(tables);

    private TableClient Subjects => tables.Get(TableNames.Subjects);

    private TableClient Doses => tables.Get(TableNames.Doses);

    public async Task<VaccinationSubject?> GetAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken = default)
    {
        var row = await Subjects.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForSubject(tenant, id), id.Value, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var key = await personKeys.FindAsync(tenant, id, cancellationToken);
        return key is null ? null : SubjectEntities.FromEntity(tenant, row.Value!, key);
    }

    public async Task<SubjectId?> FindByMyNumberAsync(Tenant tenant, MyNumber myNumber, CancellationToken cancellationToken = default)
    {
        var indexValue = BlindIndex.ForMyNumber(await tenantKeys.GetIndexKeyAsync(tenant, cancellationToken), myNumber);
        var subjectId = await _index.FindAsync(tenant, indexValue, cancellationToken);
        if (subjectId is not { } id)
        {
            return null;
        }

        var subject = await Subjects.GetEntityIfExistsAsync<TableEntity>(
            PartitionKeys.ForSubject(tenant, id), id.Value, [SubjectEntities.MyNumberIndexProperty], cancellationToken);
        var current = subject.HasValue && subject.Value!.GetString(SubjectEntities.MyNumberIndexProperty) == indexValue;
        return current ? id : null;
    }

    public async Task<Result<VaccinationSubject>> SaveAsync(Tenant tenant, VaccinationSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var partition = PartitionKeys.ForSubject(tenant, subject.Id);
        var previous = await Subjects.GetEntityIfExistsAsync<TableEntity>(
            partition, subject.Id.Value, [SubjectEntities.MyNumberIndexProperty], cancellationToken);
        if (subject.Version is null && previous.HasValue)
        {
            return Error.Conflict("subject.exists", "A subject with this internal address number already exists; send its version to update it.");
        }

        if (subject.Version is not null && (!previous.HasValue || previous.Value!.ETag.ToString() != subject.Version))
        {
            return Error.Conflict("subject.version_mismatch", "The subject was changed since it was read; read it again and retry.");
        }

        var key = await personKeys.GetOrCreateAsync(tenant, subject.Id, cancellationToken);
        var indexValue = await ClaimMyNumberAsync(tenant, subject, cancellationToken);
        if (indexValue is { Claimed: false })
        {
            return Error.Conflict("my_number.duplicate", "This My Number is already registered to another subject of this municipality.");
        }

        var entity = SubjectEntities.ToEntity(tenant, subject, key, indexValue?.Value);
        try
        {
            var response = subject.Version is null
                ? await Subjects.AddEntityAsync(entity, cancellationToken)
                : await Subjects.UpdateEntityAsync(entity, new ETag(subject.Version), TableUpdateMode.Replace, cancellationToken);
            await ReleaseStaleIndexAsync(tenant, previous.HasValue ? previous.Value : null, indexValue?.Value, cancellationToken);
            return subject with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return Error.Conflict("subject.version_mismatch", "The subject was changed concurrently; read it again and retry.");
        }
    }

    public async Task SaveManyAsync(Tenant tenant, IReadOnlyList<VaccinationSubject> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var keys = await personKeys.GetOrCreateManyAsync(tenant, subjects.Select(s => s.Id).ToList(), cancellationToken);
        var indexKey = await tenantKeys.GetIndexKeyAsync(tenant, cancellationToken);
        var indexValues = subjects.ToDictionary(s => s.Id, s => s.MyNumber is null ? null : BlindIndex.ForMyNumber(indexKey, s.MyNumber));

        var indexRows = subjects
            .Where(s => indexValues[s.Id] is not null)
            .Select(s => MyNumberIndexTable.ToEntity(tenant, indexValues[s.Id]!, s.Id));
        await SubmitInBatchesAsync(tables.Get(TableNames.MyNumberIndex), indexRows, TableTransactionActionType.UpsertReplace, cancellationToken);

        var subjectRows = subjects.Select(s => SubjectEntities.ToEntity(tenant, s, keys[s.Id], indexValues[s.Id]));
        await SubmitInBatchesAsync(Subjects, subjectRows, TableTransactionActionType.UpsertReplace, cancellationToken);
    }

    public async IAsyncEnumerable<VaccinationSubject> ListAsync(Tenant tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var row in Subjects.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var id = SubjectId.TryCreate(row.RowKey).Value;
                var key = await personKeys.FindAsync(tenant, id, cancellationToken);
                if (key is not null)
                {
                    yield return SubjectEntities.FromEntity(tenant, row, key);
                }
            }
        }
    }

    public async Task SaveDoseAsync(Tenant tenant, DoseRecord dose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var key = await personKeys.GetOrCreateAsync(tenant, dose.SubjectId, cancellationToken);
        await Doses.UpsertEntityAsync(DoseEntities.ToEntity(tenant, dose, key), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<DoseRecord>> GetDosesAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken = default)
    {
        var key = await personKeys.FindAsync(tenant, id, cancellationToken);
        if (key is null)
        {
            return [];
        }

        var doses = new List<DoseRecord>();
        var filter = DoseEntities.FilterForSubject(PartitionKeys.ForSubject(tenant, id), id);
        await foreach (var row in Doses.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            doses.Add(DoseEntities.FromEntity(tenant, row, key));
        }

        return doses;
    }

    private static async Task SubmitInBatchesAsync(
        TableClient table, IEnumerable<TableEntity> entities, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        foreach (var batch in entities.GroupBy(e => e.PartitionKey).SelectMany(group => group.Chunk(TableBatch.MaxSize)))
        {
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(action, e)), cancellationToken);
        }
    }

    private async Task<(string Value, bool Claimed)?> ClaimMyNumberAsync(Tenant tenant, VaccinationSubject subject, CancellationToken cancellationToken)
    {
        if (subject.MyNumber is null)
        {
            return null;
        }

        var indexValue = BlindIndex.ForMyNumber(await tenantKeys.GetIndexKeyAsync(tenant, cancellationToken), subject.MyNumber);
        return (indexValue, await _index.ClaimAsync(tenant, indexValue, subject.Id, cancellationToken));
    }

    private async Task ReleaseStaleIndexAsync(Tenant tenant, TableEntity? previous, string? currentIndex, CancellationToken cancellationToken)
    {
        var previousIndex = previous?.GetString(SubjectEntities.MyNumberIndexProperty);
        if (previousIndex is not null && previousIndex != currentIndex)
        {
            await _index.ReleaseAsync(tenant, previousIndex, cancellationToken);
        }
    }
}
