using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Tenants;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Posts {municipality, inquiryId, status} to Exchange:CallbackUrl when an inquiry ends: ids and status only, the result
/// stays behind the authenticated API. Best effort: a failed push is logged and the result can still be fetched.
/// </summary>
public sealed partial class HttpInquiryNotifier(HttpClient http, IOptions<ExchangeOptions> options, ILogger<HttpInquiryNotifier> logger) : IInquiryNotifier
{
    public async Task NotifyAsync(Tenant tenant, InquiryId inquiryId, InquiryStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (options.Value.CallbackUrl is not { } url)
        {
            return;
        }

        try
        {
            using var response = await http.PostAsJsonAsync(url,
                new { municipality = tenant.Code.Value, inquiryId = inquiryId.Value, status = InquiryService.StatusName(status) }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogPushFailed(logger, inquiryId.Value, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (HttpRequestException e)
        {
            LogPushFailed(logger, inquiryId.Value, e.GetType().Name);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            LogPushFailed(logger, inquiryId.Value, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback for inquiry {InquiryId} failed: {Failure}")]
    private static partial void LogPushFailed(ILogger logger, string inquiryId, string failure);
}
