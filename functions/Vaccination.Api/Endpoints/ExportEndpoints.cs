using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Export;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// GET .../vaccination-records.csv: the tenant's doses in the VRS ledger layout, streamed to the response as they are
/// read. Access is decided before the first byte, so a refusal is an ordinary problem response.
/// </summary>
public sealed class ExportEndpoints(CallerAuthenticator authenticator, RecordExportService export)
{
    public const string ContentType = "text/csv; charset=utf-8";

    public async Task<IResult> GetAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var tenant = export.Authorize(caller.Value, municipalityCode);
        return tenant.IsSuccess
            ? Results.Stream(output => export.WriteAsync(tenant.Value, output, cancellationToken), ContentType, $"vaccination-records-{tenant.Value.Code.Value}.csv")
            : ProblemResponses.From(tenant.Errors);
    }
}
