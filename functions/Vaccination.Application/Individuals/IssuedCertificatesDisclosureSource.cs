using Vaccination.Application.Certificates;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Individuals;

/// <summary>The certificates issued to the person and what is kept of them (S14): id, issue date, kind, and for the overseas kind the passport data.</summary>
public sealed class IssuedCertificatesDisclosureSource(ICertificateStore certificates) : IDisclosureSource
{
    public async Task<DisclosureSection> CollectAsync(Tenant tenant, SubjectId subject, CancellationToken cancellationToken = default)
    {
        var kept = await certificates.ListAsync(tenant, subject, cancellationToken);
        return new DisclosureSection("issuedCertificates", kept.Select(c => (object)new IssuedCertificateView(
            c.Id.Value,
            c.IssuedOn,
            c.Kind.ToString().ToLowerInvariant(),
            c.Passport is { } p ? new PassportView(p.Surname, p.GivenNames, p.PassportNumber, p.Nationality) : null)).ToList());
    }

    /// <summary>A kept certificate as disclosed to its holder.</summary>
    public sealed record IssuedCertificateView(string CertificateId, DateOnly IssuedOn, string Kind, PassportView? Passport);

    /// <summary>The passport data kept with an overseas certificate.</summary>
    public sealed record PassportView(string Surname, string GivenNames, string PassportNumber, string Nationality);
}
