using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;

namespace Vaccination.IntegrationTests.Access;

/// <summary>
/// A self-host of its own for the access matrix and the My Number scans: a seeded person with a dose, an inquiry and a
/// finished bulk inquiry job of the own tenant (012041), a token for every caller kind and tenant relation (staff
/// granted in both tenants, so a staff denial in the other tenant is about the tenant), and a sender for matrix rows.
/// </summary>
public sealed class MatrixFixture : IAsyncDisposable
{
    private const string StaffActor = "matrix-staff";
    private readonly Dictionary<(CallerKind, TenantRelation), string?> _tokens = [];
    private SelfHostProcess _host = null!;
    private ApiClient _api = null!;
    private HttpClient _http = null!;
    private MatrixContext _context = null!;

    public static async Task<MatrixFixture> StartAsync(IntegrationEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var fixture = new MatrixFixture();
        await fixture.InitializeAsync(environment);
        return fixture;
    }

    public string? Token(CallerKind caller, TenantRelation relation) => _tokens[(caller, relation)];

    private async Task InitializeAsync(IntegrationEnvironment environment)
    {
        _host = await SelfHostProcess.StartAsync(environment.Azurite.ConnectionString, IntegrationEnvironment.UniquePrefix());
        _api = new ApiClient(_host);
        _http = _host.CreateClient();
        var staff = await _api.TokenAsync("municipal-staff", MatrixContext.Own, StaffActor);
        await _api.GrantStaffAsync(MatrixContext.Other, StaffActor);
        var registered = await _api.SendAsync(HttpMethod.Put, $"api/municipalities/{MatrixContext.Own}/subjects/{MatrixData.SubjectId}", staff, MatrixData.Registration());
        var dosed = await _api.SendAsync(HttpMethod.Post, $"api/municipalities/{MatrixContext.Own}/subjects/{MatrixData.SubjectId}/doses", staff, MatrixData.Dose());
        Assert.Equal((200, 200), (registered.Status, dosed.Status));
        using var secretResponse = await _http.PostAsJsonAsync("api/dev/webhook-secrets", new { municipality = MatrixContext.Own });
        var secret = Convert.FromBase64String((await secretResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!);
        var (inquiryId, jobId) = await SeedExchangeAsync(staff);
        _context = new MatrixContext(MatrixData.SubjectId, inquiryId, jobId, secret, () => _api.GrantStaffAsync(MatrixContext.Own, MatrixContext.GrantTarget));
        foreach (var relation in Enum.GetValues<TenantRelation>())
        {
            var municipality = relation == TenantRelation.Own ? MatrixContext.Own : MatrixContext.Other;
            _tokens[(CallerKind.Anonymous, relation)] = null;
            _tokens[(CallerKind.Staff, relation)] = await _api.UngrantedTokenAsync("municipal-staff", municipality, StaffActor);
            _tokens[(CallerKind.UngrantedStaff, relation)] = await _api.UngrantedTokenAsync("municipal-staff", municipality, "matrix-ungranted");
            _tokens[(CallerKind.Administrator, relation)] = await _api.UngrantedTokenAsync("municipal-admin", municipality, "matrix-admin");
            _tokens[(CallerKind.VaccinationSite, relation)] = await _api.UngrantedTokenAsync("vaccination-site", municipality, "matrix-site");
            _tokens[(CallerKind.CertificateChannel, relation)] = await _api.UngrantedTokenAsync("certificate-channel", municipality, "matrix-channel");
            _tokens[(CallerKind.Vrs, relation)] = await _api.UngrantedTokenAsync("vrs", municipality, "matrix-vrs");
            _tokens[(CallerKind.Prefecture, relation)] = await _api.UngrantedTokenAsync(
                "prefecture", null, "matrix-prefecture", relation == TenantRelation.Own ? "Hokkaido" : "Tokyo");
            _tokens[(CallerKind.National, relation)] = await _api.UngrantedTokenAsync("national", null, "matrix-national");
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _api.Dispose();
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    public async Task<(int Status, string Text)> SendAsync(EndpointRow row, string? token)
    {
        var request = row.Request(_context);
        if (request.Prepare is not null)
        {
            await request.Prepare(_context);
        }

        using var message = new HttpRequestMessage(new HttpMethod(row.Method), request.Path);
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (request.RawBody is not null)
        {
            message.Content = new StringContent(request.RawBody, Encoding.UTF8, request.ContentType);
        }
        else if (request.Body is not null)
        {
            message.Content = JsonContent.Create(request.Body);
        }

        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }

        using var response = await _http.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every operation of the OpenAPI document, as "METHOD /path".</summary>
    public async Task<HashSet<string>> OpenApiOperationsAsync()
    {
        using var response = await _http.GetAsync(new Uri("api/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>An inquiry and a finished bulk inquiry job of the own tenant about a newcomer, for the rows that read them.</summary>
    private async Task<(string InquiryId, string JobId)> SeedExchangeAsync(string staff)
    {
        var own = $"api/municipalities/{MatrixContext.Own}";
        var newcomer = await _api.SendAsync(HttpMethod.Put, $"{own}/subjects/MX-NEW", staff,
            new { name = "転入 太郎", birthDate = "1980-01-01", sex = "Male", tickets = new[] { "9902990299" } });
        var inquiry = await _api.SendAsync(HttpMethod.Post, $"{own}/inquiries", staff, new
        {
            subjectId = "MX-NEW",
            myNumber = MatrixData.NewcomerMyNumber,
            formerMunicipality = MatrixContext.Other,
            legalBasis = "mynumber-act-19-8-t2-16-3",
        });
        using var csv = new StringContent(
            "subjectId,myNumber,formerMunicipality,legalBasis,consentReference\n" + $"MX-NEW,{MatrixData.NewcomerMyNumber},{MatrixContext.Other},mynumber-act-19-8-t2-16-3,\n",
            Encoding.UTF8,
            "text/csv");
        var job = await _api.SendAsync(HttpMethod.Post, $"{own}/inquiry-jobs", staff, csv);
        Assert.True((newcomer.Status, inquiry.Status, job.Status) is (200, 202, 202), $"{newcomer.Status} {inquiry.Body} {job.Body}");
        var jobId = job.Body.GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await _api.SendAsync(HttpMethod.Get, $"{own}/inquiry-jobs/{jobId}", staff)).Body.GetProperty("finished").GetBoolean())
        {
            Assert.True(DateTime.UtcNow < deadline, "The bulk inquiry job did not finish.");
            await Task.Delay(200);
        }

        return (inquiry.Body.GetProperty("id").GetString()!, jobId);
    }
}
