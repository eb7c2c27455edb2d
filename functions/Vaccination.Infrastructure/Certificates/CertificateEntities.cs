using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Vaccination.Domain.Certificates;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Certificates;

/// <summary>
/// Maps kept certificates to IssuedCertificates-table rows in the person's partition, row key "{subjectId}_{certificateId}".
/// Certificate id, issue date and kind are in clear; the passport data of an overseas certificate is encrypted under the
/// person's key. No other column exists.
/// </summary>
internal static class CertificateEntities
{
    public const string PassportField = "Passport";

    public static string RowKey(SubjectId subjectId, CertificateId id) => SubjectRows.RowKey(subjectId, id.Value);

    public static TableEntity ToEntity(Tenant tenant, IssuedCertificate certificate, byte[]? personKey)
    {
        var partition = PartitionKeys.ForSubject(tenant, certificate.SubjectId);
        var rowKey = RowKey(certificate.SubjectId, certificate.Id);
        var entity = new TableEntity(partition, rowKey)
        {
            ["CertificateId"] = certificate.Id.Value,
            ["IssuedOn"] = certificate.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Kind"] = certificate.Kind.ToString(),
        };
        if (certificate.Passport is { } passport)
        {
            var protector = new PersonFieldProtector(
                personKey ?? throw new InvalidOperationException("Passport data is kept only under the person's key."),
                tenant.Code.Value, TableNames.IssuedCertificates, partition, rowKey);
            entity[PassportField] = protector.Protect(PassportField, JsonSerializer.Serialize(
                new StoredPassport(passport.Surname, passport.GivenNames, passport.PassportNumber, passport.Nationality)));
        }

        return entity;
    }

    public static IssuedCertificate FromEntity(Tenant tenant, SubjectId subjectId, TableEntity entity, byte[]? personKey) => new(
        subjectId,
        CertificateId.TryCreate(entity.GetString("CertificateId")).Value,
        DateOnly.ParseExact(entity.GetString("IssuedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum.Parse<CertificateKind>(entity.GetString("Kind")),
        personKey is null ? null : PassportOf(tenant, entity, personKey));

    public static PassportData? PassportOf(Tenant tenant, TableEntity entity, byte[] personKey)
    {
        var protector = new PersonFieldProtector(personKey, tenant.Code.Value, TableNames.IssuedCertificates, entity.PartitionKey, entity.RowKey);
        var stored = protector.UnprotectOptional(PassportField, entity.GetString(PassportField));
        if (stored is null)
        {
            return null;
        }

        var passport = JsonSerializer.Deserialize<StoredPassport>(stored)!;
        return PassportData.TryCreate(passport.Surname, passport.GivenNames, passport.Number, passport.Nationality).Value;
    }

    private sealed record StoredPassport(string Surname, string GivenNames, string Number, string Nationality);
}
