using Microsoft.AspNetCore.Http;
using Vaccination.Api.Http;
using Vaccination.Application.Ingestion;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// POST /api/dev/webhook-secrets: reveals a served tenant's webhook secret so tests and local tools can sign calls.
/// Registered and mapped only where development tokens are (a development key file, never in Production).
/// </summary>
public sealed class DevelopmentWebhookSecretEndpoint(IWebhookSecretProvider secrets, TenantRegistry tenants)
{
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DevelopmentWebhookSecretRequest>(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return ProblemResponses.From(body.Errors);
        }

        var tenant = tenants.Find(body.Value.Municipality);
        if (tenant is null)
        {
            return ProblemResponses.From(Error.Validation("municipality.not_served", "The municipality is not a served tenant.", "municipality"));
        }

        var secret = await secrets.GetSecretAsync(tenant, cancellationToken);
        return Results.Json(
            new DevelopmentWebhookSecretResponse(
                tenant.Code.Value, Convert.ToBase64String(secret), "HMAC-SHA-256", WebhookSignature.TimestampHeader, WebhookSignature.SignatureHeader,
                "{timestamp}.{body}"),
            JsonBody.Options);
    }
}
