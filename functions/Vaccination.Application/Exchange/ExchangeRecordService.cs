using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Exchange;

/// <summary>Staff review of their own municipality's provision record (情報提供等記録, S12); nobody else's.</summary>
public sealed class ExchangeRecordService(TenantAccess access, IExchangeRecordStore records)
{
    private const int MaxRecords = 1000;
    private static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    public async Task<Result<IReadOnlyList<ExchangeRecordView>>> ListAsync(
        Caller caller, string municipalityCode, string? inquiryId, CancellationToken cancellationToken)
    {
        var tenant = access.Resolve(caller, municipalityCode, StaffRoles);
        if (!tenant.IsSuccess)
        {
            return Result<IReadOnlyList<ExchangeRecordView>>.Failure(tenant.Errors);
        }

        InquiryId? filter = null;
        if (inquiryId is not null)
        {
            var id = InquiryId.TryCreate(inquiryId);
            if (!id.IsSuccess)
            {
                return Result<IReadOnlyList<ExchangeRecordView>>.Failure(id.Errors);
            }

            filter = id.Value;
        }

        var views = new List<ExchangeRecordView>();
        await foreach (var r in records.ListAsync(tenant.Value, filter, cancellationToken))
        {
            views.Add(new ExchangeRecordView(r.InquiryId.Value, r.Direction == ExchangeDirection.Inquiry ? "inquiry" : "provision",
                r.Counterparty.Value, r.Event, r.LegalBasis, r.At, r.Actor, r.SubjectId?.Value, r.Items, r.Detail));
            if (views.Count == MaxRecords)
            {
                break;
            }
        }

        return views.OrderBy(v => v.At).ToList();
    }
}
