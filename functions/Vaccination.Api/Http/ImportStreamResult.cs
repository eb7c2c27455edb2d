using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Domain.Tenants;

namespace Vaccination.Api.Http;

/// <summary>
/// Runs a bulk import while streaming its report: the request body is read in chunks as the response is written, so a
/// file of any size takes bounded memory. The request-size limit is lifted for this request only.
/// </summary>
public sealed class ImportStreamResult(VrsImportService imports, Tenant tenant, Encoding encoding) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var cancellationToken = httpContext.RequestAborted;
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/x-ndjson; charset=utf-8";
        using var report = new NdjsonImportReport(httpContext.Response);
        using var csv = new StreamReader(httpContext.Request.Body, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var summary = await imports.ImportAsync(tenant, csv, report, cancellationToken);
        await report.SummaryAsync(summary, cancellationToken);
    }
}
