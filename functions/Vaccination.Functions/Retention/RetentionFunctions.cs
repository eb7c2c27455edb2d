using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Vaccination.Api.Endpoints;
using Vaccination.Api.Http;
using Vaccination.Application.Retention;
using Vaccination.Functions.Http;
using Vaccination.Infrastructure.Retention;

namespace Vaccination.Functions.Retention;

/// <summary>Retention: the nightly timer fans out per tenant, the queue trigger does each tenant's work, and staff endpoints.</summary>
public sealed partial class RetentionFunctions(RetentionSweepService sweeps, RetentionEndpoints endpoints, ILogger<RetentionFunctions> logger)
{
    [Function(nameof(StartRetentionRun))]
    public async Task StartRetentionRun([TimerTrigger("%RetentionSweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var runId = await sweeps.StartNightlyRunAsync(cancellationToken);
        LogRunStarted(logger, runId);
    }

    [Function(nameof(ProcessRetentionWork))]
    public Task ProcessRetentionWork([QueueTrigger("%RetentionQueueName%")] string message, CancellationToken cancellationToken) =>
        sweeps.HandleAsync(StorageRetentionWorkSender.Read(message), cancellationToken);

    [Function(nameof(RecordRetentionPoison))]
    public void RecordRetentionPoison([QueueTrigger("%RetentionQueueName%-poison")] string message) =>
        LogPoison(logger, message.Length);

    [Function(nameof(StartRetentionSweep))]
    public Task<IActionResult> StartRetentionSweep(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.RetentionSweeps)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        endpoints.StartSweepAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(ListErasureProposals))]
    public Task<IActionResult> ListErasureProposals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ErasureProposals)] HttpRequest request, string municipalityCode, CancellationToken cancellationToken) =>
        endpoints.ListProposalsAsync(request, municipalityCode, cancellationToken).AsActionResult();

    [Function(nameof(GetErasureProposal))]
    public Task<IActionResult> GetErasureProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ErasureProposal)] HttpRequest request, string municipalityCode, string proposalId, CancellationToken cancellationToken) =>
        endpoints.GetProposalAsync(request, municipalityCode, proposalId, cancellationToken).AsActionResult();

    [Function(nameof(DecideErasureProposal))]
    public Task<IActionResult> DecideErasureProposal(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ErasureDecision)] HttpRequest request, string municipalityCode, string proposalId, CancellationToken cancellationToken) =>
        endpoints.DecideAsync(request, municipalityCode, proposalId, cancellationToken).AsActionResult();

    [Function(nameof(GetErasureCertificate))]
    public Task<IActionResult> GetErasureCertificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ErasureCertificate)] HttpRequest request, string municipalityCode, string certificateId, CancellationToken cancellationToken) =>
        endpoints.GetCertificateAsync(request, municipalityCode, certificateId, cancellationToken).AsActionResult();

    [Function(nameof(GetErasureCertificateKeys))]
    public Task<IActionResult> GetErasureCertificateKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ErasureCertificateKeys)] HttpRequest request,
        string municipalityCode,
        string certificateId,
        int page,
        CancellationToken cancellationToken) =>
        endpoints.GetCertificateKeysAsync(request, municipalityCode, certificateId, page, cancellationToken).AsActionResult();

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run {RunId} enqueued for every tenant")]
    private static partial void LogRunStarted(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A retention work item ({Length} characters) failed five times and was moved to the poison queue")]
    private static partial void LogPoison(ILogger logger, int length);
}
