using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Vaccination.Api.Http;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Turns an outage of storage or Key Vault into a 503 problem with a retry hint; anything else into a 500 without detail.</summary>
internal sealed partial class UnavailableDependencyHandler(ILogger<UnavailableDependencyHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var dependencyDown = exception is RequestFailedException or HttpRequestException or TaskCanceledException;
        LogFailure(logger, exception.GetType().Name, httpContext.Request.Path);
        var result = dependencyDown
            ? ProblemResponses.Unexpected("dependency.unavailable", "A storage or key service is unavailable; nothing was changed.", RetryHint.Retry)
            : ProblemResponses.Unexpected("internal.error", "An unexpected error occurred.", RetryHint.ContactSupport);
        if (!dependencyDown)
        {
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed with {ExceptionType}")]
    private static partial void LogFailure(ILogger logger, string exceptionType, string path);
}
