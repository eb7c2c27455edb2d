using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Export;

/// <summary>
/// The ledger CSV export through the shared self-host (S7): the VRS ledger header, one line per dose, and never a
/// My Number, neither the ones registered here nor any 12-digit number with a valid check digit.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed partial class RecordExportTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private const string ExportPath = "api/municipalities/012041/vaccination-records.csv";
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
    public async Task Export_OwnTenant_StreamsLedgerLayoutWithoutAnyMyNumber()
    {
        var staff = await _api.TokenAsync("municipal-staff", "012041", "export-staff");
        var myNumbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            myNumbers.Add(MyNumberFor(6100 + i));
            await RegisterAsync(staff, $"EXP-{i}", 6100 + i, doses: i + 1);
        }

        var (status, contentType, bytes) = await DownloadAsync(staff);
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(200, status);
        Assert.StartsWith("text/csv", contentType, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Equal("個別宛名番号,接種履歴登録日時,接種日,券番号,接種自治体コード,接種会場名,接種医師名,ワクチンメーカー,ロット番号", lines[0]);
        var ours = lines.Where(l => l.StartsWith("EXP-", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, ours.Count);
        var fields = ours.First(l => l.StartsWith("EXP-2,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(9, fields.Length);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}$", fields[1]);
        Assert.Equal(["012041", "Asahikawa Central Clinic", "Dr. Sato", "Pfizer", "FA5765"], fields[4..]);
        foreach (var myNumber in myNumbers.Append(MyNumberDigits))
        {
            Assert.DoesNotContain(myNumber, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(TwelveDigitRuns().Matches(text), m => IsValidMyNumber(m.Value));
    }

    [Theory]
    [InlineData("vaccination-site", "012041", 403)]
    [InlineData("vrs", "012041", 403)]
    [InlineData("certificate-channel", "012041", 403)]
    [InlineData("municipal-admin", "011002", 404)]
    [InlineData("municipal-staff", "011002", 404)]
    public async Task Export_OtherRolesAndTenants_AreRefusedWithoutData(string role, string municipality, int expected)
    {
        var token = await _api.TokenAsync(role, municipality, "export-other");

        var (status, _, bytes) = await DownloadAsync(token);

        Assert.Equal(expected, status);
        Assert.DoesNotContain("個別宛名番号", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_StaffWithoutGrant_IsForbidden()
    {
        var token = await _api.UngrantedTokenAsync("municipal-staff", "012041", "export-ungranted");

        var (status, _, _) = await DownloadAsync(token);

        Assert.Equal(403, status);
    }

    private async Task<(int Status, string ContentType, byte[] Body)> DownloadAsync(string token)
    {
        using var http = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ExportPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? string.Empty, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task RegisterAsync(string staff, string subjectId, int index, int doses)
    {
        var path = $"api/municipalities/012041/subjects/{subjectId}";
        await _api.SendAsync(HttpMethod.Put, path, staff, new
        {
            myNumber = MyNumberFor(index),
            name = Name,
            birthDate = "1975-03-14",
            sex = "Female",
            tickets = new[] { index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) },
        });
        for (var dose = 1; dose <= doses; dose++)
        {
            await _api.SendAsync(HttpMethod.Post, path + "/doses", staff, new
            {
                doseNumber = dose,
                date = new DateOnly(2021, 6, 1).AddDays(28 * (dose - 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                manufacturer = "Pfizer",
                product = "Comirnaty",
                vaccineType = "mRNA",
                lotNumber = "FA5765",
                siteName = "Asahikawa Central Clinic",
                physicianName = "Dr. Sato",
                ticketNumber = index.ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
    }

    /// <summary>The My Number check digit rule (weights 6,5,4,3,2,7,6,5,4,3,2 over the first 11 digits).</summary>
    private static bool IsValidMyNumber(string digits)
    {
        int[] weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        var remainder = digits.Take(11).Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
        return digits[11] - '0' == (remainder <= 1 ? 0 : 11 - remainder);
    }

    [GeneratedRegex("(?<![0-9])[0-9]{12}(?![0-9])")]
    private static partial Regex TwelveDigitRuns();
}
