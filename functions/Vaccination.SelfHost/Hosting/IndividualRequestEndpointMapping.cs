using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Individuals;
using Vaccination.Application.Subjects;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the individuals' request routes (S21) with OpenAPI metadata (suspension of use: <see cref="SubjectFlagEndpointMapping"/>).</summary>
internal static class IndividualRequestEndpointMapping
{
    public static RouteGroupBuilder MapIndividualRequests(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.SubjectDisclosure, (HttpRequest request, string municipalityCode, string subjectId, IndividualRequestEndpoints endpoints, CancellationToken ct) =>
                endpoints.DiscloseAsync(request, municipalityCode, subjectId, ct))
            .WithName("DiscloseSubject").WithTags("Individual requests")
            .Produces<SubjectDisclosure>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost(ApiRoutes.SubjectCorrection, (HttpRequest request, string municipalityCode, string subjectId, IndividualRequestEndpoints endpoints, CancellationToken ct) =>
                endpoints.CorrectAsync(request, municipalityCode, subjectId, ct))
            .WithName("CorrectSubject").WithTags("Individual requests")
            .Accepts<CorrectionRequest>("application/json")
            .Produces<SubjectView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
