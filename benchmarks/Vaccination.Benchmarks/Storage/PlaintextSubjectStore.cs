using Azure.Data.Tables;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Benchmarks.Storage;

/// <summary>
/// The baseline: the same subjects, partitions, batching and My Number index, with no encryption at all
/// (fields in clear, index keyed by the clear number and spread over the tenant's partitions like the real one,
/// no person keys). Exists only to be measured against.
/// </summary>
internal sealed class PlaintextSubjectStore(TableClient subjects, TableClient index)
{
    public async Task SaveManyAsync(Tenant tenant, IReadOnlyList<VaccinationSubject> batch, CancellationToken cancellationToken)
    {
        var indexRows = batch.Where(s => s.MyNumber is not null).Select(s =>
        {
            var number = s.MyNumber!.RevealDigits();
            var bucket = int.Parse(number[8..11], System.Globalization.CultureInfo.InvariantCulture) % tenant.Partitions;
            return new TableEntity($"{tenant.Code.Value}-{bucket:D3}", number) { ["SubjectId"] = s.Id.Value };
        });
        await SubmitAsync(index, indexRows, cancellationToken);
        await SubmitAsync(subjects, batch.Select(s => ToEntity(tenant, s)), cancellationToken);
    }

    public async Task<VaccinationSubject?> GetAsync(Tenant tenant, SubjectId id, CancellationToken cancellationToken)
    {
        var row = await subjects.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForSubject(tenant, id), id.Value, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var e = row.Value!;
        return new VaccinationSubject(
            id,
            e.GetString("MyNumber") is { } n ? MyNumber.TryCreate(n).Value : null,
            e.GetString("Name"),
            DateOnly.Parse(e.GetString("BirthDate"), System.Globalization.CultureInfo.InvariantCulture),
            Enum.Parse<Sex>(e.GetString("Sex")),
            e.GetString("Tickets").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => TicketNumber.TryCreate(t).Value).ToList(),
            SubjectFlags.None);
    }

    private static TableEntity ToEntity(Tenant tenant, VaccinationSubject s) => new(PartitionKeys.ForSubject(tenant, s.Id), s.Id.Value)
    {
        ["MyNumber"] = s.MyNumber?.RevealDigits(),
        ["Name"] = s.Name,
        ["BirthDate"] = s.BirthDate.ToString("O"),
        ["Sex"] = s.Sex.ToString(),
        ["Tickets"] = string.Join(',', s.Tickets.Select(t => t.Value)),
        ["AutoResponseDisabled"] = false,
        ["Suspended"] = false,
        ["Confirmed"] = false,
    };

    private static async Task SubmitAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(TableBatch.MaxSize)))
        {
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }
    }
}
