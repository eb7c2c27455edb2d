using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Subjects;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the shared HTTP contract (<see cref="ApiRoutes"/>) to minimal-API routes with OpenAPI metadata.</summary>
internal static class ApiEndpointMapping
{
    public static WebApplication MapVaccinationApi(this WebApplication app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);

        api.MapGet(ApiRoutes.Health, (HealthEndpoint endpoint, CancellationToken ct) => endpoint.GetAsync(ct))
            .WithName("GetHealth").WithTags("Operations")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

        api.MapGet(ApiRoutes.Subject, (HttpRequest request, string municipalityCode, string subjectId, SubjectEndpoints endpoint, CancellationToken ct) =>
                endpoint.GetAsync(request, municipalityCode, subjectId, ct))
            .WithName("GetSubject").WithTags("Subjects")
            .Produces<SubjectView>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut(ApiRoutes.Subject, (HttpRequest request, string municipalityCode, string subjectId, SubjectEndpoints endpoint, CancellationToken ct) =>
                endpoint.PutAsync(request, municipalityCode, subjectId, ct))
            .WithName("PutSubject").WithTags("Subjects")
            .Accepts<SubjectRegistrationRequest>("application/json")
            .Produces<SubjectView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost(ApiRoutes.SubjectDoses, (HttpRequest request, string municipalityCode, string subjectId, SubjectEndpoints endpoint, CancellationToken ct) =>
                endpoint.PostDoseAsync(request, municipalityCode, subjectId, ct))
            .WithName("PostDose").WithTags("Subjects")
            .Accepts<DoseRecordingRequest>("application/json")
            .Produces<SubjectView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapSubjectFlags();
        api.MapRetention();
        api.MapCertificates();
        api.MapExchange();

        api.MapIngestion();
        api.MapAccessAndAudit();
        api.MapExport();
        api.MapIndividualRequests();
        api.MapStatistics();

        if (app.Services.GetService<DevelopmentTokenEndpoint>() is not null)
        {
            api.MapPost(ApiRoutes.DevelopmentTokens, (HttpRequest request, DevelopmentTokenEndpoint endpoint, CancellationToken ct) => endpoint.PostAsync(request, ct))
                .WithName("PostDevelopmentToken").WithTags("Development")
                .Accepts<DevelopmentTokenRequest>("application/json")
                .Produces<DevelopmentTokenResponse>().ProducesValidationProblem();
        }

        return app;
    }
}
