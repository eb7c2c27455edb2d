using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Functions.Http;

namespace Vaccination.Functions.Records;

/// <summary>
/// The ledger CSV export and individuals' requests (S21; suspension of use is in SubjectFlagFunctions); authentication, audit and tenant checks happen in the
/// shared endpoints.
/// </summary>
public sealed class RecordFunctions(ExportEndpoints export, IndividualRequestEndpoints requests)
{
    [Function(nameof(ExportVaccinationRecords))]
    public Task<IActionResult> ExportVaccinationRecords(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.VaccinationRecordsExport)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        export.GetAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(DiscloseSubject))]
    public Task<IActionResult> DiscloseSubject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.SubjectDisclosure)] HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken) =>
        requests.DiscloseAsync(request, municipalityCode, subjectId, cancellationToken).AsActionResult();

    [Function(nameof(CorrectSubject))]
    public Task<IActionResult> CorrectSubject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.SubjectCorrection)] HttpRequest request, string municipalityCode, string subjectId, CancellationToken cancellationToken) =>
        requests.CorrectAsync(request, municipalityCode, subjectId, cancellationToken).AsActionResult();
}
