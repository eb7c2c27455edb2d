using Microsoft.AspNetCore.Http;
using Vaccination.Api.Authentication;
using Vaccination.Api.Http;
using Vaccination.Application.Certificates;
using Vaccination.Application.Keys;

namespace Vaccination.Api.Endpoints;

/// <summary>
/// Certificate endpoints: POST a certificate application (certificate-channel callers) and GET the JWKS that verifies
/// the issued SMART Health Cards (anonymous, CORS-open, as the specification requires).
/// </summary>
public sealed class CertificateEndpoints(CallerAuthenticator authenticator, CertificateService certificates, ISigningKeyProvider signingKeys)
{
    public async Task<IResult> PostAsync(HttpRequest request, string municipalityCode, CancellationToken cancellationToken)
    {
        var caller = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (!caller.IsSuccess)
        {
            return ProblemResponses.From(caller.Errors);
        }

        var body = await JsonBody.ReadAsync<CertificateRequest>(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return ProblemResponses.From(body.Errors);
        }

        if (!certificates.CanIssue(body.Value.Kind))
        {
            return ProblemResponses.Unexpected(
                "certificates.not_configured", "Certificate issuance is not configured on this instance.", RetryHint.ContactSupport);
        }

        var result = await certificates.IssueAsync(caller.Value, municipalityCode, body.Value, cancellationToken);
        return result.IsSuccess ? Results.Json(result.Value, JsonBody.Options) : ProblemResponses.From(result.Errors);
    }

    /// <summary>GET &lt;iss&gt;/.well-known/jwks.json: every published signing key as an EC P-256 JWK, never a private part.</summary>
    public async Task<IResult> GetJwksAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var keys = await signingKeys.GetPublicKeysAsync(cancellationToken);
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.CacheControl = "public, max-age=3600";
        return Results.Json(JsonWebKeySet.From(keys), JsonBody.Options);
    }
}
