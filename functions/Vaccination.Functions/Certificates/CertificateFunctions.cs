using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Certificates;

/// <summary>Certificate applications and the SMART Health Card JWKS; the shared endpoints do all the work.</summary>
public sealed class CertificateFunctions(CertificateEndpoints endpoints)
{
    [Function(nameof(PostCertificate))]
    public Task<IActionResult> PostCertificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Certificates)] HttpRequest request,
        string municipalityCode,
        CancellationToken cancellationToken) =>
        endpoints.PostAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(GetJsonWebKeySet))]
    public Task<IActionResult> GetJsonWebKeySet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Jwks)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return endpoints.GetJwksAsync(request.HttpContext.Response, cancellationToken).AsActionResult();
    }
}
