using Microsoft.AspNetCore.Http;
using Vaccination.Api.Endpoints;
using Vaccination.Application.Ingestion;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Http;

/// <summary>
/// Maps event outcomes to HTTP: a single event that was refused is a problem-details response (via
/// <see cref="ProblemResponses"/>), an applied one a 200 <see cref="EventResponse"/>; batch items carry the status the
/// same event would have had alone.
/// </summary>
public static class IngestionResponses
{
    public static IResult From(Result<EventOutcome> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess)
        {
            return ProblemResponses.From(result.Errors);
        }

        var outcome = result.Value;
        return outcome.Errors.Count == 0
            ? Results.Json(ToResponse(outcome), JsonBody.Options, statusCode: StatusOf(outcome))
            : ProblemResponses.From(outcome.Errors);
    }

    public static IResult From(Result<BatchOutcome> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess)
        {
            return ProblemResponses.From(result.Errors);
        }

        var batch = result.Value;
        return Results.Json(new BatchResponse(batch.Applied, batch.Refused, batch.Replayed, batch.Results.Select(ToResponse).ToList()), JsonBody.Options);
    }

    public static EventResponse ToResponse(EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var errors = outcome.Errors;
        var code = errors.Count switch
        {
            0 => null,
            1 => errors[0].Code,
            _ => errors[0].Kind == ErrorKind.Validation ? "validation.failed" : errors[0].Code,
        };
        return new EventResponse(
            outcome.EventId,
            outcome.Type,
            StatusOf(outcome),
            outcome.Result,
            outcome.Replayed,
            outcome.SubjectId,
            outcome.DoseNumber,
            outcome.DataQuality,
            code,
            errors.Select(e => new FieldError(e.Code, e.Field, e.Message)).ToList());
    }

    /// <summary>200 applied, 202 queued (answered asynchronously), or the status of the first error.</summary>
    public static int StatusOf(EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Errors.Count > 0 ? StatusFor(outcome.Errors[0].Kind)
            : outcome.IsQueued ? StatusCodes.Status202Accepted
            : StatusCodes.Status200OK;
    }

    /// <summary>The status <see cref="ProblemResponses.From(IReadOnlyList{Error})"/> gives each kind (a unit test keeps them equal).</summary>
    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };
}
