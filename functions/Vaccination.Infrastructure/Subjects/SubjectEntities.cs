using Azure.Data.Tables;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Subjects;

/// <summary>
/// Maps subjects to Subjects-table rows. My Number, name, birth date, sex and tickets are encrypted under the
/// person's key; flags stay in clear because sweeps and exchanges act on them.
/// </summary>
internal static class SubjectEntities
{
    public static TableEntity ToEntity(Tenant tenant, VaccinationSubject subject, PersonKey personKey, string keyRow)
    {
        var partition = PartitionKeys.ForSubject(tenant, subject.Id);
        var protector = new PersonFieldProtector(personKey.Key, tenant.Code.Value, TableNames.Subjects, partition, subject.Id.Value);
        var flags = subject.Flags;
        return new TableEntity(partition, subject.Id.Value)
        {
            ["MyNumber"] = protector.ProtectOptional("MyNumber", subject.MyNumber?.RevealDigits()),
            [PersonKeyStore.PointerProperty] = keyRow,
            [PersonKeyStore.KeyIdProperty] = personKey.KeyId,
            ["Name"] = protector.Protect("Name", subject.Name),
            ["BirthDate"] = protector.Protect("BirthDate", subject.BirthDate.ToString("O")),
            ["Sex"] = protector.Protect("Sex", subject.Sex.ToString()),
            ["Tickets"] = protector.Protect("Tickets", string.Join(',', subject.Tickets.Select(t => t.Value))),
            ["MovedOutOn"] = flags.MovedOutOn?.ToString("O"),
            ["MovedTo"] = flags.MovedTo?.Value,
            ["DeceasedOn"] = flags.DeceasedOn?.ToString("O"),
            ["AutoResponseDisabled"] = flags.AutoResponseDisabled,
            ["Suspended"] = flags.Suspended,
            ["Confirmed"] = flags.Confirmed,
        };
    }

    public static VaccinationSubject FromEntity(Tenant tenant, TableEntity entity, byte[] personKey)
    {
        var protector = new PersonFieldProtector(personKey, tenant.Code.Value, TableNames.Subjects, entity.PartitionKey, entity.RowKey);
        var myNumberDigits = protector.UnprotectOptional("MyNumber", entity.GetString("MyNumber"));
        var tickets = protector.Unprotect("Tickets", entity.GetString("Tickets"));
        return new VaccinationSubject(
            SubjectId.TryCreate(entity.RowKey).Value,
            myNumberDigits is null ? null : MyNumber.TryCreate(myNumberDigits).Value,
            protector.Unprotect("Name", entity.GetString("Name")),
            DateOnly.Parse(protector.Unprotect("BirthDate", entity.GetString("BirthDate")), System.Globalization.CultureInfo.InvariantCulture),
            Enum.Parse<Sex>(protector.Unprotect("Sex", entity.GetString("Sex"))),
            tickets.Length == 0 ? [] : tickets.Split(',').Select(t => TicketNumber.TryCreate(t).Value).ToList(),
            new SubjectFlags
            {
                MovedOutOn = ParseDate(entity.GetString("MovedOutOn")),
                MovedTo = entity.GetString("MovedTo") is { } movedTo ? MunicipalityCode.Parse(movedTo) : null,
                DeceasedOn = ParseDate(entity.GetString("DeceasedOn")),
                AutoResponseDisabled = entity.GetBoolean("AutoResponseDisabled") ?? false,
                Suspended = entity.GetBoolean("Suspended") ?? false,
                Confirmed = entity.GetBoolean("Confirmed") ?? false,
            })
        {
            Version = entity.ETag.ToString(),
        };
    }

    private static DateOnly? ParseDate(string? value) =>
        value is null ? null : DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
