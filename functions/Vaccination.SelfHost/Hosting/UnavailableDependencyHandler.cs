using Microsoft.AspNetCore.Diagnostics;
using Vaccination.Api.Http;

namespace Vaccination.SelfHost.Hosting;

/// <summary>The self-host's answer to an unhandled exception: <see cref="UnexpectedFailures"/> (503 for an outage, else 500).</summary>
internal sealed partial class UnavailableDependencyHandler(ILogger<UnavailableDependencyHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        LogFailure(logger, exception.GetType().Name, httpContext.Request.Path);
        await UnexpectedFailures.ToProblem(exception).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed with {ExceptionType}")]
    private static partial void LogFailure(ILogger logger, string exceptionType, string path);
}
