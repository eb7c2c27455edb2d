using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Vaccination.Api.Http;

namespace Vaccination.Functions.Http;

/// <summary>
/// The Functions host's answer to an exception an HTTP function did not handle, the same as the self-host's:
/// <see cref="UnexpectedFailures"/> (503 problem with a retry hint for a storage or Key Vault outage, else 500).
/// Other triggers (queues, timers) rethrow, so their retry and poison handling stays the host's.
/// </summary>
public sealed partial class UnexpectedFailureMiddleware(ILogger<UnexpectedFailureMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http && CanAnswer(http))
        {
            await AnswerAsync(http, e);
        }
    }

    /// <summary>True while nothing of the response was sent and the caller is still there.</summary>
    public static bool CanAnswer(HttpContext http) =>
        http is not null && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested;

    public async Task AnswerAsync(HttpContext http, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exception);
        LogFailure(logger, exception.GetType().Name, http.Request.Path);
        await UnexpectedFailures.ToProblem(exception).ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} failed with {ExceptionType}")]
    private static partial void LogFailure(ILogger logger, string exceptionType, string path);
}
