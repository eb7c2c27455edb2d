using System.Globalization;
using Azure.Data.Tables;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Subjects;

/// <summary>
/// Maps doses to Doses-table rows, in the subject's partition, row key "{subjectId}_{dose:D3}". Lot, site,
/// physician and ticket are encrypted under the person's key; dose number, date and product stay in clear for
/// statistics and retention.
/// </summary>
internal static class DoseEntities
{
    public static string RowKey(SubjectId subjectId, DoseNumber number) =>
        SubjectRows.RowKey(subjectId, number.Value.ToString("D3", CultureInfo.InvariantCulture));

    public static TableEntity ToEntity(Tenant tenant, DoseRecord dose, byte[] personKey)
    {
        var partition = PartitionKeys.ForSubject(tenant, dose.SubjectId);
        var rowKey = RowKey(dose.SubjectId, dose.Number);
        var protector = new PersonFieldProtector(personKey, tenant.Code.Value, TableNames.Doses, partition, rowKey);
        return new TableEntity(partition, rowKey)
        {
            ["SubjectId"] = dose.SubjectId.Value,
            ["DoseNumber"] = dose.Number.Value,
            ["Date"] = dose.Date.ToString("O"),
            ["Manufacturer"] = dose.Manufacturer,
            ["Product"] = dose.Product,
            ["VaccineType"] = dose.VaccineType,
            ["LotNumber"] = protector.Protect("LotNumber", dose.LotNumber),
            ["SiteName"] = protector.Protect("SiteName", dose.SiteName),
            ["PhysicianName"] = protector.ProtectOptional("PhysicianName", dose.PhysicianName),
            ["Ticket"] = protector.ProtectOptional("Ticket", dose.Ticket?.Value),
            ["AdministeredBy"] = dose.AdministeredBy.Value,
            ["RecordedAt"] = dose.RecordedAt,
            ["SourceMunicipality"] = dose.SourceMunicipality?.Value,
        };
    }

    public static DoseRecord FromEntity(Tenant tenant, TableEntity entity, byte[] personKey)
    {
        var protector = new PersonFieldProtector(personKey, tenant.Code.Value, TableNames.Doses, entity.PartitionKey, entity.RowKey);
        var ticket = protector.UnprotectOptional("Ticket", entity.GetString("Ticket"));
        return new DoseRecord(
            SubjectId.TryCreate(entity.GetString("SubjectId")).Value,
            DoseNumber.TryCreate(entity.GetInt32("DoseNumber")!.Value).Value,
            DateOnly.Parse(entity.GetString("Date"), CultureInfo.InvariantCulture),
            entity.GetString("Manufacturer"),
            entity.GetString("Product"),
            entity.GetString("VaccineType"),
            protector.Unprotect("LotNumber", entity.GetString("LotNumber")),
            protector.Unprotect("SiteName", entity.GetString("SiteName")),
            protector.UnprotectOptional("PhysicianName", entity.GetString("PhysicianName")),
            ticket is null ? null : TicketNumber.TryCreate(ticket).Value,
            MunicipalityCode.Parse(entity.GetString("AdministeredBy")),
            entity.GetDateTimeOffset("RecordedAt")!.Value)
        {
            SourceMunicipality = entity.GetString("SourceMunicipality") is { } source ? MunicipalityCode.Parse(source) : null,
        };
    }
}
