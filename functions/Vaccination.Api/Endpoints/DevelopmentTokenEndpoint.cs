using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Callers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Api.Endpoints;

/// <summary>POST /api/dev/tokens: a token for any served tenant and role. Mapped only in Development.</summary>
public sealed class DevelopmentTokenEndpoint(DevelopmentTokenIssuer issuer, TenantRegistry tenants)
{
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<DevelopmentTokenRequest>(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return ProblemResponses.From(body.Errors);
        }

        if (!CallerRoles.TryParse(body.Value.Role, out var role))
        {
            return ProblemResponses.From(Error.Validation("role.unknown", $"Role is one of: {string.Join(", ", CallerRoles.ClaimValues)}.", "role"));
        }

        if (CallerRoles.IsMunicipal(role) && tenants.Find(body.Value.Municipality) is null)
        {
            return ProblemResponses.From(Error.Validation("municipality.not_served", "The municipality is not a served tenant.", "municipality"));
        }

        var channel = role == CallerRole.CertificateChannel ? body.Value.Channel ?? "app" : null;
        if (channel is not ("app" or "kiosk" or null))
        {
            return ProblemResponses.From(Error.Validation("channel.unknown", "channel is \"app\" or \"kiosk\".", "channel"));
        }

        var token = issuer.Issue(body.Value.Actor ?? "dev-user", role, CallerRoles.IsMunicipal(role) ? body.Value.Municipality : null, body.Value.Prefecture,
            channel: channel);
        return Results.Json(new DevelopmentTokenResponse(token, "Bearer"), JsonBody.Options);
    }
}
