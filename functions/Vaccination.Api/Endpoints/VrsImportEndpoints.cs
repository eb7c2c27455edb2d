using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// POST /api/municipalities/{code}/vrs/imports: a VRS CSV export as the body (text/csv; UTF-8 by default, or
/// charset=shift_jis), staff or admin of the municipality. The answer streams progress, refused lines and a summary.
/// </summary>
public sealed class VrsImportEndpoints(CallerAuthenticator authenticator, VrsImportService imports)
{
    public async Task<IResult> PostAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var tenant = imports.Authorize(caller.Value, municipalityCode);
        if (!tenant.IsSuccess)
        {
            return ProblemResponses.From(tenant.Errors);
        }

        var encoding = EncodingOf(request.ContentType);
        return encoding is null
            ? ProblemResponses.From(Error.Validation("csv.charset_unsupported", "The CSV is UTF-8 or Shift_JIS (charset=shift_jis).", "content-type"))
            : new ImportStreamResult(imports, tenant.Value, encoding);
    }

    private static Encoding? EncodingOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.Charset.Length == 0)
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        var charset = media.Charset.ToString().Trim('"').ToUpperInvariant();
        if (charset is "UTF-8" or "UTF8")
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        if (charset is "SHIFT_JIS" or "SHIFT-JIS" or "SJIS" or "CP932" or "WINDOWS-31J")
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(932);
        }

        return null;
    }
}
