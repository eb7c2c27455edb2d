using Vaccination.Domain.Exchange;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>Pushes "this inquiry ended" (ids and status only) to the configured callback; the result is fetched over the API.</summary>
public interface IInquiryNotifier
{
    Task NotifyAsync(Tenant tenant, InquiryId inquiryId, InquiryStatus status, CancellationToken cancellationToken = default);
}
