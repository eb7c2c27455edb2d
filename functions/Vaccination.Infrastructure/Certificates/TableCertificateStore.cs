using Azure.Data.Tables;
using Vaccination.Application.Certificates;
using Vaccination.Domain.Certificates;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Certificates;

/// <summary>
/// Kept certificates on Azure Tables, in the person's partition of the IssuedCertificates table (so erasing the person's key
/// also makes their kept passport data unreadable).
/// </summary>
public sealed class TableCertificateStore(StorageTables tables, PersonKeyStore personKeys) : ICertificateStore
{
    private TableClient Certificates => tables.Get(TableNames.IssuedCertificates);

    public async Task SaveAsync(Tenant tenant, IssuedCertificate certificate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var key = certificate.Passport is null ? null : await KeyOfAsync(tenant, certificate.SubjectId, cancellationToken);
        await Certificates.AddEntityAsync(CertificateEntities.ToEntity(tenant, certificate, key), cancellationToken);
    }

    public async Task<PassportData?> FindPassportAsync(Tenant tenant, SubjectId subjectId, string passportNumber, CancellationToken cancellationToken = default)
    {
        var key = await KeyOfAsync(tenant, subjectId, cancellationToken);
        var filter = SubjectRows.FilterForSubject(tenant, subjectId);
        PassportData? latest = null;
        var latestIssuedOn = string.Empty;
        await foreach (var row in Certificates.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var issuedOn = row.GetString("IssuedOn");
            var passport = CertificateEntities.PassportOf(tenant, row, key);
            if (passport?.PassportNumber == passportNumber && string.CompareOrdinal(issuedOn, latestIssuedOn) >= 0)
            {
                (latest, latestIssuedOn) = (passport, issuedOn);
            }
        }

        return latest;
    }

    public async Task<IReadOnlyList<IssuedCertificate>> ListAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken = default)
    {
        // Without the person's key (erased) the passport data cannot be read, and is not shown.
        var key = (await personKeys.FindForSubjectAsync(tenant, subjectId, cancellationToken))?.Key;
        var kept = new List<IssuedCertificate>();
        await foreach (var row in Certificates.QueryAsync<TableEntity>(
            SubjectRows.FilterForSubject(tenant, subjectId), cancellationToken: cancellationToken))
        {
            kept.Add(CertificateEntities.FromEntity(tenant, subjectId, row, key));
        }

        return kept.OrderBy(c => c.IssuedOn).ToList();
    }

    private async Task<byte[]> KeyOfAsync(Tenant tenant, SubjectId subjectId, CancellationToken cancellationToken) =>
        (await personKeys.FindForSubjectAsync(tenant, subjectId, cancellationToken))?.Key
            ?? throw new InvalidOperationException($"Subject {subjectId} has no key; certificates are kept only for stored subjects.");
}
