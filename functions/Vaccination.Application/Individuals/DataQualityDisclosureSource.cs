using Vaccination.Application.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Individuals;

/// <summary>The data-quality findings about the person's records, open or resolved, as staff see them.</summary>
public sealed class DataQualityDisclosureSource(IDataQualityReader dataQuality) : IDisclosureSource
{
    public async Task<DisclosureSection> CollectAsync(Tenant tenant, SubjectId subject, CancellationToken cancellationToken = default)
    {
        var flags = await dataQuality.ListForSubjectAsync(tenant, subject, cancellationToken);
        return new DisclosureSection("dataQuality", flags.OrderBy(f => f.DetectedAt).Select(f => (object)DataQualityService.ToView(f)).ToList());
    }
}
