using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.SelfHost;

[Collection(IntegrationTestGroup.Name)]
public sealed class SelfHostApiTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private SelfHostProcess _host = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _host = await environment.GetSelfHostAsync();
        _api = new ApiClient(_host);
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Health_ReportsStorageAndKeyProvider()
    {
        var (status, body) = await _api.SendAsync(HttpMethod.Get, "api/health", token: null);

        Assert.Equal(200, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("storage").GetProperty("healthy").GetBoolean());
        Assert.Contains("DevelopmentKeyFile", body.GetProperty("keys").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpoint()
    {
        var (status, body) = await _api.SendAsync(HttpMethod.Get, "api/openapi/v1.json", token: null);

        var paths = body.GetProperty("paths");
        Assert.Equal(200, status);
        Assert.True(paths.TryGetProperty("/api/health", out _));
        var subject = paths.GetProperty("/api/municipalities/{municipalityCode}/subjects/{subjectId}");
        Assert.True(subject.TryGetProperty("get", out _));
        Assert.True(subject.TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/municipalities/{municipalityCode}/subjects/{subjectId}/doses").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task RegisterThenRead_OwnTenant_ReturnsSubjectWithoutMyNumber()
    {
        var token = await _api.TokenAsync("municipal-staff", "012041");

        var (putStatus, _) = await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/E2E-1", token, Registration());
        var (doseStatus, _) = await _api.SendAsync(HttpMethod.Post, "api/municipalities/012041/subjects/E2E-1/doses", token, DoseBody());
        var (getStatus, body) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/E2E-1", token);

        Assert.Equal(200, putStatus);
        Assert.Equal(200, doseStatus);
        Assert.Equal(200, getStatus);
        Assert.Equal(Name, body.GetProperty("name").GetString());
        Assert.True(body.GetProperty("hasMyNumber").GetBoolean());
        Assert.Equal("FA5765", body.GetProperty("doses")[0].GetProperty("lotNumber").GetString());
        Assert.DoesNotContain(MyNumberDigits, body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherTenantsStaff_CannotReadTheSubject_AndCannotTellItExists()
    {
        var owner = await _api.TokenAsync("municipal-staff", "012041");
        var other = await _api.TokenAsync("municipal-admin", "011002");
        await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/E2E-2", owner, Registration(MyNumberFor(42)));

        var viaOwnRoute = await _api.SendAsync(HttpMethod.Get, "api/municipalities/011002/subjects/E2E-2", other);
        var viaOwnersRoute = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/E2E-2", other);
        var nonexistent = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/NOPE-404", other);
        var write = await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/E2E-2", other, Registration(MyNumberFor(43)));

        Assert.Equal(404, viaOwnRoute.Status);
        Assert.Equal(404, viaOwnersRoute.Status);
        Assert.Equal(404, write.Status);
        Assert.Equal(Shape(nonexistent.Body), Shape(viaOwnersRoute.Body));
        Assert.DoesNotContain(Name, viaOwnersRoute.Body.GetRawText(), StringComparison.Ordinal);
        var stillOriginal = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/E2E-2", owner);
        Assert.Equal(Name, stillOriginal.Body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task WrongCheckDigit_IsRefusedWithClearMessage_AndNothingIsStored()
    {
        var token = await _api.TokenAsync("municipal-staff", "012041");

        var (status, body) = await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/E2E-BAD", token, Registration("123456789019"));
        var (getStatus, _) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/E2E-BAD", token);

        Assert.Equal(400, status);
        Assert.Equal("my_number.check_digit", body.GetProperty("code").GetString());
        Assert.Equal("fix-request", body.GetProperty("retry").GetString());
        Assert.Contains("check digit", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(404, getStatus);
    }

    [Fact]
    public async Task StaffDose_MeetsTheWebhookRules_AndARetryLeavesAResolvedFindingResolved()
    {
        var token = await _api.TokenAsync("municipal-staff", "012041");
        const string Subject = "api/municipalities/012041/subjects/E2E-DOSE";
        var secondDose = new { doseNumber = 2, date = "2021-06-03", manufacturer = "Pfizer", product = "Comirnaty", lotNumber = "FA5765", siteName = "Clinic" };
        await _api.SendAsync(HttpMethod.Put, Subject, token, Registration(MyNumberFor(44)));

        var (unknownStatus, unknown) = await _api.SendAsync(HttpMethod.Post, Subject + "/doses", token,
            new { doseNumber = 1, date = "2021-06-01", manufacturer = "Pfizer", product = "NoSuchVaccine", lotNumber = "FA5765", siteName = "Clinic" });
        var (outOfOrderStatus, outOfOrder) = await _api.SendAsync(HttpMethod.Post, Subject + "/doses", token, secondDose);
        await _api.SendAsync(HttpMethod.Post, Subject + "/doses", token, DoseBody());
        var (shortStatus, _) = await _api.SendAsync(HttpMethod.Post, Subject + "/doses", token, secondDose);
        var flagged = Assert.Single(await FindingsAsync(Subject, token));
        var (resolvedStatus, _) = await _api.SendAsync(HttpMethod.Post,
            $"api/municipalities/012041/data-quality/E2E-DOSE/{flagged.GetProperty("flagId").GetString()}/resolution", token);
        var (retryStatus, _) = await _api.SendAsync(HttpMethod.Post, Subject + "/doses", token, secondDose);
        var afterRetry = Assert.Single(await FindingsAsync(Subject, token));

        Assert.Equal((400, 400), (unknownStatus, outOfOrderStatus));
        Assert.Equal("product.unknown", unknown.GetProperty("code").GetString());
        Assert.Equal("dose.previous_missing", outOfOrder.GetProperty("code").GetString());
        Assert.Equal((200, 200, 200), (shortStatus, resolvedStatus, retryStatus));
        Assert.Equal(("dose.interval_short", false), (flagged.GetProperty("code").GetString(), flagged.GetProperty("resolved").GetBoolean()));
        Assert.True(afterRetry.GetProperty("resolved").GetBoolean());
    }

    /// <summary>The subject's data-quality findings, from its disclosure.</summary>
    private async Task<List<JsonElement>> FindingsAsync(string subjectPath, string token)
    {
        var (_, disclosure) = await _api.SendAsync(HttpMethod.Get, subjectPath + "/disclosure", token);
        return disclosure.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "dataQuality")
            .GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task WrongMunicipalityCheckDigitInRoute_IsNotFound()
    {
        var token = await _api.TokenAsync("municipal-staff", "012041");

        var (status, _) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012042/subjects/E2E-1", token);

        Assert.Equal(404, status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task MissingOrInvalidToken_Is401Problem(string? token)
    {
        var (status, body) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/E2E-1", token);

        Assert.Equal(401, status);
        Assert.Equal("auth.invalid_token", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task VaccinationSiteRole_CannotReadSubjects()
    {
        var token = await _api.TokenAsync("vaccination-site", "012041");

        var (status, body) = await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/E2E-1", token);

        Assert.Equal(403, status);
        Assert.False(body.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task MalformedJson_Is400Problem()
    {
        var token = await _api.TokenAsync("municipal-staff", "012041");
        using var content = new StringContent("{\"name\": ", Encoding.UTF8, "application/json");

        var (status, body) = await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/E2E-J", token, content);

        Assert.Equal(400, status);
        Assert.Equal("request.malformed_json", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CapturedLogs_ContainNoPersonalValue()
    {
        var token = await _api.TokenAsync("municipal-staff", "012041");
        await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/E2E-LOG", token, Registration(MyNumberFor(77)));
        await _api.SendAsync(HttpMethod.Get, "api/municipalities/012041/subjects/E2E-LOG", token);
        await _api.SendAsync(HttpMethod.Put, "api/municipalities/012041/subjects/E2E-LOG2", token, Registration("123456789019"));

        var logs = _host.CapturedLogs;

        Assert.Contains("/api/municipalities/012041/subjects/E2E-LOG", logs, StringComparison.Ordinal);
        foreach (var value in PersonalValues.Append(MyNumberFor(77)).Append("123456789019"))
        {
            Assert.DoesNotContain(value, logs, StringComparison.Ordinal);
        }
    }

    private static object Registration(string myNumber = MyNumberDigits) => new
    {
        myNumber,
        name = Name,
        birthDate = "1975-03-14",
        sex = "Female",
        tickets = new[] { "0123456789" },
    };

    private static object DoseBody() => new
    {
        doseNumber = 1,
        date = "2021-06-01",
        manufacturer = "Pfizer",
        product = "Comirnaty",
        vaccineType = "mRNA",
        lotNumber = "FA5765",
        siteName = "Asahikawa Central Clinic",
    };

    private static string Shape(JsonElement problem) =>
        JsonSerializer.Serialize(new { status = problem.GetProperty("status").GetInt32(), code = problem.GetProperty("code").GetString(), detail = problem.GetProperty("detail").GetString() });
}
