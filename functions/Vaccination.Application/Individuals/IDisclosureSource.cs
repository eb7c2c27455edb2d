using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Individuals;

/// <summary>
/// A feature's contribution to a disclosure (S21): what it holds about one person. Register an implementation for
/// every store that keeps data about persons (today: provision records, the access log, issued certificates,
/// data-quality findings, review items); the disclosure lists every registered section.
/// </summary>
public interface IDisclosureSource
{
    Task<DisclosureSection> CollectAsync(Tenant tenant, SubjectId subject, CancellationToken cancellationToken = default);
}
