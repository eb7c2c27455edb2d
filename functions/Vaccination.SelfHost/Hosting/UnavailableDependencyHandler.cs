using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Vaccination.Api.Http;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Turns an outage of storage or Key Vault into a 503 problem with a retry hint; anything else into a 500 without detail.</summary>
internal sealed partial class UnavailableDependencyHandler(ILogger<UnavailableDependencyHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var dependencyDown = IsDependencyFailure(exception);
        LogFailure(logger, exception.GetType().Name, httpContext.Request.Path);
        var result = dependencyDown
            ? ProblemResponses.Unexpected("dependency.unavailable", "A storage or key service is unavailable; nothing was changed.", RetryHint.Retry)
            : ProblemResponses.Unexpected("internal.error", "An unexpected error occurred.", RetryHint.ContactSupport, StatusCodes.Status500InternalServerError);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// A storage or Key Vault call that failed, including the AggregateException Azure.Core throws when every retry of a
    /// call failed (connection refused during an outage).
    /// </summary>
    private static bool IsDependencyFailure(Exception exception) => exception switch
    {
        RequestFailedException or HttpRequestException or TaskCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsDependencyFailure),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed with {ExceptionType}")]
    private static partial void LogFailure(ILogger logger, string exceptionType, string path);
}
