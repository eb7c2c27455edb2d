using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Operations;

/// <summary>GET /api/health.</summary>
public sealed class HealthFunction(HealthEndpoint endpoint)
{
    [Function(nameof(GetHealth))]
    public Task<IActionResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoint.GetAsync(cancellationToken).AsActionResult();
}
