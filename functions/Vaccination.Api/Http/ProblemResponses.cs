using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vaccination.Domain.Results;

namespace Vaccination.Api.Http;

/// <summary>
/// The one mapping from expected failures to RFC 9457 problem details: status by error kind, a stable "code",
/// a "retry" hint and every field error. Not-found and not-yours look the same.
/// </summary>
public static class ProblemResponses
{
    public const string TypePrefix = "urn:vaccination:problem:";

    public static IResult From(IReadOnlyList<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors[0];
        var (status, title, retry) = first.Kind switch
        {
            ErrorKind.Validation => (StatusCodes.Status400BadRequest, "The request is not valid.", RetryHint.FixRequest),
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found.", RetryHint.FixRequest),
            ErrorKind.Conflict => (StatusCodes.Status409Conflict, "The request conflicts with the current state.", RetryHint.FixRequest),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden.", RetryHint.ContactSupport),
            ErrorKind.Unauthorized => (StatusCodes.Status401Unauthorized, "Authentication is required.", RetryHint.Authenticate),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error.", RetryHint.ContactSupport),
        };
        var code = first.Kind == ErrorKind.Validation && errors.Count > 1 ? "validation.failed" : first.Code;
        var problem = new ProblemDetails
        {
            Type = TypePrefix + code,
            Title = title,
            Status = status,
            Detail = errors.Count == 1 ? first.Message : $"{errors.Count} problems were found; see errors.",
            Extensions =
            {
                ["code"] = code,
                ["retry"] = retry,
                ["errors"] = errors.Select(e => new FieldError(e.Code, e.Field, e.Message)).ToList(),
            },
        };
        return Results.Problem(problem);
    }

    public static IResult From(Error error) => From([error]);

    public static IResult Unexpected(string code, string detail, string retry, int status = StatusCodes.Status503ServiceUnavailable) => Results.Problem(new ProblemDetails
    {
        Type = TypePrefix + code,
        Title = "The service could not complete the request.",
        Status = status,
        Detail = detail,
        Extensions = { ["code"] = code, ["retry"] = retry },
    });
}
