using Vaccination.Api.Http;
using Vaccination.Application.Ingestion;
using Vaccination.Domain.Results;
using Vaccination.UnitTests.Http;

namespace Vaccination.UnitTests.Ingestion;

public class IngestionResponsesTests
{
    [Theory]
    [InlineData(ErrorKind.Validation)]
    [InlineData(ErrorKind.NotFound)]
    [InlineData(ErrorKind.Conflict)]
    [InlineData(ErrorKind.Forbidden)]
    [InlineData(ErrorKind.Unauthorized)]
    public async Task StatusFor_EveryKind_EqualsTheProblemResponseStatus(ErrorKind kind)
    {
        var (status, _) = await ProblemResponsesTests.ExecuteAsync(ProblemResponses.From(new Error("x.y", "m", kind)));

        Assert.Equal(status, IngestionResponses.StatusFor(kind));
    }

    [Fact]
    public void ToResponse_RefusedWithSeveralFieldErrors_ListsThemAll()
    {
        var outcome = EventOutcome.Refusal("e-1", "dose.recorded",
            [Error.Validation("date.future", "m", "dose.date"), Error.Validation("lot_number.format", "m", "dose.lotNumber")]);

        var response = IngestionResponses.ToResponse(outcome);

        Assert.Equal(400, response.Status);
        Assert.Equal("validation.failed", response.Code);
        Assert.Equal(["dose.date", "dose.lotNumber"], response.Errors.Select(e => e.Field!).ToArray());
    }
}
