using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vaccination.Functions.Http;

namespace Vaccination.UnitTests.Functions;

public class UnexpectedFailureMiddlewareTests
{
    private static DefaultHttpContext Context()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<(int Status, JsonElement Body)> AnswerAsync(Exception exception)
    {
        var http = Context();
        await new UnexpectedFailureMiddleware(NullLogger<UnexpectedFailureMiddleware>.Instance).AnswerAsync(http, exception);
        http.Response.Body.Position = 0;
        var body = await JsonDocument.ParseAsync(http.Response.Body);
        return (http.Response.StatusCode, body.RootElement.Clone());
    }

    [Fact]
    public async Task AnswerAsync_StorageOutage_Is503DependencyUnavailable_LikeTheSelfHost()
    {
        var outage = new AggregateException(new RequestFailedException("connection refused"), new HttpRequestException("refused"));

        var (status, body) = await AnswerAsync(outage);

        Assert.Equal(503, status);
        Assert.Equal("dependency.unavailable", body.GetProperty("code").GetString());
        Assert.Equal("retry", body.GetProperty("retry").GetString());
    }

    [Fact]
    public async Task AnswerAsync_AnyOtherException_Is500WithoutItsMessage()
    {
        var (status, body) = await AnswerAsync(new InvalidOperationException("secret internals 123456789018"));

        Assert.Equal(500, status);
        Assert.Equal("internal.error", body.GetProperty("code").GetString());
        Assert.DoesNotContain("123456789018", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void CanAnswer_AfterTheCallerLeft_IsFalse()
    {
        using var aborted = new CancellationTokenSource();
        var http = Context();
        http.RequestAborted = aborted.Token;
        aborted.Cancel();

        Assert.False(UnexpectedFailureMiddleware.CanAnswer(http));
        Assert.True(UnexpectedFailureMiddleware.CanAnswer(Context()));
    }
}
