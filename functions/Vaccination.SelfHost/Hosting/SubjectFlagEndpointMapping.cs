using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Subjects;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Binds the subject flags staff set (PUT) and release (DELETE), with OpenAPI metadata.</summary>
internal static class SubjectFlagEndpointMapping
{
    public static RouteGroupBuilder MapSubjectFlags(this RouteGroupBuilder api)
    {
        api.MapFlag(ApiRoutes.SubjectConfirmation, SubjectFlagKind.Confirmed, "ConfirmSubject", "ReleaseSubjectConfirmation", "Subjects",
            "Mark the subject's records confirmed: later webhook changes are refused (409) and kept for review");
        api.MapFlag(ApiRoutes.SubjectSuspension, SubjectFlagKind.Suspended, "SuspendSubject", "LiftSubjectSuspension", "Individual requests",
            "Suspend the use of the person's records at their request (S21): no certificate and no provision while it holds");
        api.MapFlag(ApiRoutes.SubjectAutoResponseHold, SubjectFlagKind.AutoResponseDisabled, "HoldSubjectAutoResponse", "ReleaseSubjectAutoResponseHold", "Subjects",
            "自動応答不可 (S19): provisions to other municipalities wait for staff review; certificates only at the counter, never by app or kiosk");
        return api;
    }

    private static void MapFlag(this RouteGroupBuilder api, string route, SubjectFlagKind flag, string setName, string releaseName, string tag, string summary)
    {
        api.MapPut(route, (HttpRequest request, string municipalityCode, string subjectId, SubjectFlagEndpoints endpoints, CancellationToken ct) =>
                endpoints.SetAsync(request, municipalityCode, subjectId, flag, on: true, ct))
            .WithName(setName).WithTags(tag).WithSummary(summary)
            .Produces<SubjectView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapDelete(route, (HttpRequest request, string municipalityCode, string subjectId, SubjectFlagEndpoints endpoints, CancellationToken ct) =>
                endpoints.SetAsync(request, municipalityCode, subjectId, flag, on: false, ct))
            .WithName(releaseName).WithTags(tag)
            .Produces<SubjectView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
