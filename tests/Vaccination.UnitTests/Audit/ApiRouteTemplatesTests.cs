using Microsoft.AspNetCore.Http;
using Vaccination.Api.Http;

namespace Vaccination.UnitTests.Audit;

public sealed class ApiRouteTemplatesTests
{
    [Theory]
    [InlineData("/api/municipalities/012041/subjects/A-1", ApiRoutes.Subject)]
    [InlineData("/api/municipalities/012041/subjects/A-1/doses", ApiRoutes.SubjectDoses)]
    [InlineData("/api/municipalities/012041/subjects/A-1/disclosure", ApiRoutes.SubjectDisclosure)]
    [InlineData("/api/municipalities/012041/vrs/events/batch", ApiRoutes.VrsEventBatch)]
    [InlineData("/api/municipalities/012041/staff-grants/alice", ApiRoutes.StaffGrant)]
    [InlineData("/api/municipalities/012041/vaccination-records.csv", ApiRoutes.VaccinationRecordsExport)]
    public void Match_KnownPath_GivesItsTemplate(string path, string template) =>
        Assert.Equal(template, ApiRouteTemplates.Match(new PathString(path))?.Template);

    [Fact]
    public void Match_SubjectRoute_GivesRouteValues()
    {
        var match = ApiRouteTemplates.Match(new PathString("/api/municipalities/012041/subjects/A-1"))!.Value;

        Assert.Equal("012041", match.Values["municipalityCode"]);
        Assert.Equal("A-1", match.Values["subjectId"]);
    }

    [Theory]
    [InlineData("/api/unknown/thing")]
    [InlineData("/other/municipalities/012041/subjects/A-1")]
    public void Match_UnknownPath_IsNull(string path) => Assert.Null(ApiRouteTemplates.Match(new PathString(path)));
}
