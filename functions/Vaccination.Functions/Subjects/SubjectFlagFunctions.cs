using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Subjects;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Subjects;

/// <summary>The subject flags staff set (PUT) and release (DELETE): confirmed-record lock, suspension (S21), 自動応答不可 (S19).</summary>
public sealed class SubjectFlagFunctions(SubjectFlagEndpoints flags)
{
    [Function(nameof(ConfirmSubject))]
    public Task<IActionResult> ConfirmSubject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.SubjectConfirmation)] HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken) =>
        flags.SetAsync(request, municipalityCode, subjectId, SubjectFlagKind.Confirmed, on: true, cancellationToken).AsActionResult();

    [Function(nameof(ReleaseSubjectConfirmation))]
    public Task<IActionResult> ReleaseSubjectConfirmation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.SubjectConfirmation)] HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken) =>
        flags.SetAsync(request, municipalityCode, subjectId, SubjectFlagKind.Confirmed, on: false, cancellationToken).AsActionResult();

    [Function(nameof(SuspendSubject))]
    public Task<IActionResult> SuspendSubject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.SubjectSuspension)] HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken) =>
        flags.SetAsync(request, municipalityCode, subjectId, SubjectFlagKind.Suspended, on: true, cancellationToken).AsActionResult();

    [Function(nameof(LiftSubjectSuspension))]
    public Task<IActionResult> LiftSubjectSuspension(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.SubjectSuspension)] HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken) =>
        flags.SetAsync(request, municipalityCode, subjectId, SubjectFlagKind.Suspended, on: false, cancellationToken).AsActionResult();

    [Function(nameof(HoldSubjectAutoResponse))]
    public Task<IActionResult> HoldSubjectAutoResponse(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.SubjectAutoResponseHold)] HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken) =>
        flags.SetAsync(request, municipalityCode, subjectId, SubjectFlagKind.AutoResponseDisabled, on: true, cancellationToken).AsActionResult();

    [Function(nameof(ReleaseSubjectAutoResponseHold))]
    public Task<IActionResult> ReleaseSubjectAutoResponseHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.SubjectAutoResponseHold)] HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken) =>
        flags.SetAsync(request, municipalityCode, subjectId, SubjectFlagKind.AutoResponseDisabled, on: false, cancellationToken).AsActionResult();
}
