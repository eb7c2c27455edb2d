using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Certificates;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the certificate routes with OpenAPI metadata.</summary>
internal static class CertificateEndpointMapping
{
    public static RouteGroupBuilder MapCertificates(this RouteGroupBuilder api)
    {
        api.MapPost(ApiRoutes.Certificates, (HttpRequest request, string municipalityCode, CertificateEndpoints endpoint, CancellationToken ct) =>
                endpoint.PostAsync(request, municipalityCode, ct))
            .WithName("PostCertificate").WithTags("Certificates")
            .Accepts<CertificateRequest>("application/json")
            .Produces<CertificateResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet(ApiRoutes.Jwks, (HttpResponse response, CertificateEndpoints endpoint, CancellationToken ct) => endpoint.GetJwksAsync(response, ct))
            .WithName("GetJsonWebKeySet").WithTags("Certificates")
            .Produces<JsonWebKeySet>();

        return api;
    }
}
