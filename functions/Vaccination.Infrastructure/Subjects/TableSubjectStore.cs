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
/// Subjects and doses on Azure Tables, every personal field encrypted under the person's key, every key derived
/// from the tenant. A save claims the person's key row first and writes the subject row last, so a crash leaves at
/// most a key row that no subject points at, which the next claim recognises and takes over. With a
/// <see cref="TicketIndex"/>, a save also claims the subject's ticket numbers in it (before the subject row is written).
/// </summary>
public sealed class TableSubjectStore(StorageTables tables, PersonKeyStore personKeys, TicketIndex? tickets = null) : ISubjectStore
{
    private static readonly Error DuplicateMyNumber =
        Error.Conflict("my_number.duplicate", "This My Number is already registered to another subject of this municipality.");

    private TableClient Subjects => tables.Get(TableNames.Subjects);

    private TableClient Doses => tables.Get(TableNames.Doses);

    public async Task<VaccinationSubject?> GetAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken = default)
    {
        var row = await Subjects.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForSubject(tenant, id), id.Value, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var key = await personKeys.FindAsync(tenant, id, row.Value!.GetString(PersonKeyStore.PointerProperty), cancellationToken);
        return key is null ? null : SubjectEntities.FromEntity(tenant, row.Value!, key.Key);
    }

    public async Task<SubjectId?> FindByMyNumberAsync(Tenant tenant, MyNumber myNumber, CancellationToken cancellationToken = default)
    {
        var keyRow = await personKeys.MyNumberRowAsync(tenant, myNumber, cancellationToken);
        var holder = await personKeys.FindHolderAsync(tenant, keyRow, cancellationToken);
        return holder is { } id && await personKeys.PointerOfAsync(tenant, id, cancellationToken) == keyRow ? id : null;
    }

    public async Task<Result<VaccinationSubject>> SaveAsync(Tenant tenant, VaccinationSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var previous = await Subjects.GetEntityIfExistsAsync<TableEntity>(
            PartitionKeys.ForSubject(tenant, subject.Id), subject.Id.Value, [PersonKeyStore.PointerProperty], cancellationToken);
        if (subject.Version is null && previous.HasValue)
        {
            return Error.Conflict("subject.exists", "A subject with this internal address number already exists; send its version to update it.");
        }

        if (subject.Version is not null && (!previous.HasValue || previous.Value!.ETag.ToString() != subject.Version))
        {
            return Error.Conflict("subject.version_mismatch", "The subject was changed since it was read; read it again and retry.");
        }

        var previousRow = previous.HasValue ? previous.Value!.GetString(PersonKeyStore.PointerProperty) : null;
        var keyRow = await personKeys.KeyRowForAsync(tenant, subject.Id, subject.MyNumber, cancellationToken);
        var existingKey = previousRow is null ? null : await personKeys.FindAsync(tenant, subject.Id, previousRow, cancellationToken);
        var key = previousRow == keyRow && existingKey is not null
            ? existingKey
            : await personKeys.ClaimAsync(tenant, subject.Id, keyRow, existingKey, cancellationToken);
        if (key is null)
        {
            return DuplicateMyNumber;
        }

        if (tickets is not null)
        {
            await tickets.ClaimAsync(tenant, subject.Id, subject.Tickets, (holder, ticket) => StillHoldsAsync(tenant, holder, ticket, cancellationToken), cancellationToken);
        }

        var entity = SubjectEntities.ToEntity(tenant, subject, key, keyRow);
        try
        {
            var response = subject.Version is null
                ? await Subjects.AddEntityAsync(entity, cancellationToken)
                : await Subjects.UpdateEntityAsync(entity, new ETag(subject.Version), TableUpdateMode.Replace, cancellationToken);
            if (previousRow is not null && previousRow != keyRow)
            {
                await personKeys.ReleaseAsync(tenant, subject.Id, previousRow, forgetKey: false, cancellationToken);
            }

            return subject with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return Error.Conflict("subject.version_mismatch", "The subject was changed concurrently; read it again and retry.");
        }
    }

    public async Task<IReadOnlyList<SubjectId>> SaveManyAsync(Tenant tenant, IReadOnlyList<VaccinationSubject> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var keyRows = new Dictionary<SubjectId, string>();
        foreach (var subject in subjects)
        {
            keyRows[subject.Id] = await personKeys.KeyRowForAsync(tenant, subject.Id, subject.MyNumber, cancellationToken);
        }

        var keys = await personKeys.ClaimManyAsync(tenant, keyRows.Select(pair => (pair.Key, pair.Value)).ToList(), cancellationToken);
        var accepted = subjects.Where(s => keys.ContainsKey(s.Id)).ToList();
        var rows = accepted.Select(s => SubjectEntities.ToEntity(tenant, s, keys[s.Id], keyRows[s.Id]));
        foreach (var batch in rows.GroupBy(e => e.PartitionKey).SelectMany(group => group.Chunk(TableBatch.MaxSize)))
        {
            await Subjects.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }

        if (tickets is not null)
        {
            await tickets.UpsertManyAsync(tenant, accepted.SelectMany(s => s.Tickets.Select(t => (s.Id, t))), cancellationToken);
        }

        return subjects.Where(s => !keys.ContainsKey(s.Id)).Select(s => s.Id).ToList();
    }

    public async IAsyncEnumerable<VaccinationSubject> ListAsync(Tenant tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var partition in PartitionKeys.AllForTenant(tenant))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var row in Subjects.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var id = SubjectId.TryCreate(row.RowKey).Value;
                var key = await personKeys.FindAsync(tenant, id, row.GetString(PersonKeyStore.PointerProperty), cancellationToken);
                if (key is not null)
                {
                    yield return SubjectEntities.FromEntity(tenant, row, key.Key);
                }
            }
        }
    }

    public async Task SaveDoseAsync(Tenant tenant, DoseRecord dose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dose);
        var key = await KeyOfAsync(tenant, dose.SubjectId, cancellationToken)
            ?? throw new InvalidOperationException($"Subject {dose.SubjectId} has no key; doses are recorded only for stored subjects.");
        await Doses.UpsertEntityAsync(DoseEntities.ToEntity(tenant, dose, key.Key), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<SubjectId>> SaveDosesAsync(Tenant tenant, IReadOnlyList<DoseRecord> doses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(doses);
        var keys = new Dictionary<SubjectId, PersonKey?>();
        foreach (var subjectId in doses.Select(d => d.SubjectId).Distinct())
        {
            keys[subjectId] = await KeyOfAsync(tenant, subjectId, cancellationToken);
        }

        var rows = doses.Where(d => keys[d.SubjectId] is not null).Select(d => DoseEntities.ToEntity(tenant, d, keys[d.SubjectId]!.Key));
        foreach (var batch in rows.GroupBy(e => e.PartitionKey).SelectMany(group => group.Chunk(TableBatch.MaxSize)))
        {
            await Doses.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }

        return keys.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList();
    }

    public async Task<IReadOnlyList<DoseRecord>> GetDosesAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken = default)
    {
        var key = await KeyOfAsync(tenant, id, cancellationToken);
        if (key is null)
        {
            return [];
        }

        var doses = new List<DoseRecord>();
        var filter = SubjectRows.FilterForSubject(tenant, id);
        await foreach (var row in Doses.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            doses.Add(DoseEntities.FromEntity(tenant, row, key.Key));
        }

        return doses;
    }

    public async Task<bool> DeleteDoseAsync(Tenant tenant, SubjectId id, DoseNumber number, CancellationToken cancellationToken = default)
    {
        var response = await Doses.DeleteEntityAsync(PartitionKeys.ForSubject(tenant, id), DoseEntities.RowKey(id, number), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>
    /// Destroys the person's key row (crypto-shredding): every stored or copied ciphertext of the person becomes
    /// unreadable and their My Number is no longer indexed. Returns whether there was a key to destroy.
    /// </summary>
    public async Task<bool> ShredAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken = default)
    {
        var keyRow = await personKeys.PointerOfAsync(tenant, id, cancellationToken);
        if (keyRow is null)
        {
            return false;
        }

        await personKeys.ReleaseAsync(tenant, id, keyRow, forgetKey: true, cancellationToken);
        return true;
    }

    /// <summary>Whether a ticket's current index holder still lists it (otherwise its index row is stale).</summary>
    private async Task<bool> StillHoldsAsync(Tenant tenant, SubjectId holder, TicketNumber ticket, CancellationToken cancellationToken) =>
        (await GetAsync(tenant, holder, cancellationToken))?.Tickets.Contains(ticket) == true;

    private Task<PersonKey?> KeyOfAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken) =>
        personKeys.FindForSubjectAsync(tenant, id, cancellationToken);
}
