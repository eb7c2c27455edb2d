using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Subjects;

/// <summary>Staff endpoints on subjects; authentication and tenant checks happen in the shared endpoints.</summary>
public sealed class SubjectFunctions(SubjectEndpoints endpoints)
{
    [Function(nameof(GetSubject))]
    public Task<IActionResult> GetSubject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Subject)] HttpRequest request,
        string municipalityCode,
        string subjectId,
        CancellationToken cancellationToken) =>
        endpoints.GetAsync(request, municipalityCode, subjectId, cancellationToken).AsActionResult();

    [Function(nameof(PutSubject))]
    public Task<IActionResult> PutSubject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Subject)] HttpRequest request,
        string municipalityCode,
        string subjectId,
        CancellationToken cancellationToken) =>
        endpoints.PutAsync(request, municipalityCode, subjectId, cancellationToken).AsActionResult();

    [Function(nameof(PostDose))]
    public Task<IActionResult> PostDose(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.SubjectDoses)] HttpRequest request,
        string municipalityCode,
        string subjectId,
        CancellationToken cancellationToken) =>
        endpoints.PostDoseAsync(request, municipalityCode, subjectId, cancellationToken).AsActionResult();
}
