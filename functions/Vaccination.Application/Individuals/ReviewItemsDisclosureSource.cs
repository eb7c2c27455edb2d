using Vaccination.Application.Ingestion;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Individuals;

/// <summary>
/// The VRS events about the person that were refused because their record was confirmed, kept for staff review:
/// event id, type, reason and time (the event itself may carry a My Number, so it is not part of the disclosure).
/// </summary>
public sealed class ReviewItemsDisclosureSource(IReviewList review) : IDisclosureSource
{
    public async Task<DisclosureSection> CollectAsync(Tenant tenant, SubjectId subject, CancellationToken cancellationToken = default)
    {
        var items = await review.ListForSubjectAsync(tenant, subject, cancellationToken);
        return new DisclosureSection("reviewItems", items.OrderBy(i => i.ReceivedAt).Cast<object>().ToList());
    }
}
