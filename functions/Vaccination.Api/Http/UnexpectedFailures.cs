using Azure;
using Microsoft.AspNetCore.Http;

namespace Vaccination.Api.Http;

/// <summary>
/// How both hosts answer an exception no endpoint handled: an outage of storage or Key Vault is a 503 problem with a
/// retry hint (the endpoints change nothing before their dependencies answer), anything else a 500 without detail.
/// </summary>
public static class UnexpectedFailures
{
    public static IResult ToProblem(Exception exception) => IsDependencyFailure(exception)
        ? ProblemResponses.Unexpected("dependency.unavailable", "A storage or key service is unavailable; nothing was changed.", RetryHint.Retry)
        : ProblemResponses.Unexpected("internal.error", "An unexpected error occurred.", RetryHint.ContactSupport, StatusCodes.Status500InternalServerError);

    /// <summary>
    /// A storage or Key Vault call that failed, including the AggregateException Azure.Core throws when every retry of a
    /// call failed (connection refused during an outage).
    /// </summary>
    public static bool IsDependencyFailure(Exception exception) => exception switch
    {
        RequestFailedException or HttpRequestException or TaskCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsDependencyFailure),
        _ => false,
    };
}
