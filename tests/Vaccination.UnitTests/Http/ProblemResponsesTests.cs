using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Vaccination.Api.Http;
using Vaccination.Domain.Results;

namespace Vaccination.UnitTests.Http;

public class ProblemResponsesTests
{
    [Theory]
    [InlineData(ErrorKind.Validation, 400, "fix-request")]
    [InlineData(ErrorKind.NotFound, 404, "fix-request")]
    [InlineData(ErrorKind.Conflict, 409, "fix-request")]
    [InlineData(ErrorKind.Forbidden, 403, "contact-support")]
    [InlineData(ErrorKind.Unauthorized, 401, "authenticate")]
    public async Task From_ErrorKind_MapsToStatusAndRetryHint(ErrorKind kind, int status, string retry)
    {
        var (actualStatus, body) = await ExecuteAsync(ProblemResponses.From(new Error("some.code", "message", kind)));

        Assert.Equal(status, actualStatus);
        Assert.Equal("some.code", body.GetProperty("code").GetString());
        Assert.Equal(retry, body.GetProperty("retry").GetString());
        Assert.Equal("urn:vaccination:problem:some.code", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task From_SeveralValidationErrors_ListsEveryFieldError()
    {
        var (status, body) = await ExecuteAsync(ProblemResponses.From(
        [
            Error.Validation("name.required", "name is required.", "name"),
            Error.Validation("sex.invalid", "bad", "sex"),
        ]));

        Assert.Equal(400, status);
        Assert.Equal("validation.failed", body.GetProperty("code").GetString());
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["name", "sex"], errors.Select(e => e.GetProperty("field").GetString()!).ToArray());
    }

    internal static async Task<(int Status, JsonElement Body)> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddSingleton(NullLoggerFactory.Instance).AddProblemDetails().BuildServiceProvider(),
        };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, (await JsonDocument.ParseAsync(context.Response.Body)).RootElement.Clone());
    }
}
