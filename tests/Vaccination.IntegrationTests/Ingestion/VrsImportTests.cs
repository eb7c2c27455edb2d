using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using static Vaccination.IntegrationTests.Ingestion.VrsEvents;

namespace Vaccination.IntegrationTests.Ingestion;

[Collection(IntegrationTestGroup.Name)]
public sealed class VrsImportTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private const string Header =
        "個別宛名番号,接種履歴登録日時,接種日,券番号,接種自治体コード,接種会場名,接種医師名,ワクチンメーカー,ロット番号," +
        "接種履歴登録日時,接種日,券番号,接種自治体コード,接種会場名,接種医師名,ワクチンメーカー,ロット番号";

    private SelfHostProcess _host = null!;
    private WebhookClient _client = null!;
    private string _vrs = null!;
    private string _staff = null!;
    private byte[] _secret = null!;

    public async Task InitializeAsync()
    {
        _host = await environment.GetSelfHostAsync();
        _client = new WebhookClient(_host);
        _vrs = await _client.TokenAsync("vrs");
        _staff = await _client.TokenAsync("municipal-staff");
        _secret = await _client.SecretAsync();
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Import_MixedLines_AppliesGoodLinesWhole_ReportsEachRefusedLine_AndNeverHalfApplies()
    {
        var (good, confirmed, outOfOrder, unknown) = (NewSubjectId(), NewSubjectId(), NewSubjectId(), NewSubjectId());
        foreach (var id in new[] { good, confirmed, outOfOrder })
        {
            await _client.SendEventAsync(_vrs, _secret, Registered(id, NewTicket()));
        }

        await _client.SendAsync(HttpMethod.Put, $"api/municipalities/012041/subjects/{confirmed}/confirmation", _staff);
        var csv = string.Join('\n',
            Header,
            Line(good, ("20210601", "FA5765"), ("20210622", "EY0572")),
            Line(confirmed, ("20210601", "FA5765")),
            Line(outOfOrder, ("20210622", "FA5765"), ("20210601", "EY0572")),
            Line(unknown, ("20210601", "FA5765")),
            $"{good},20210601101500,20210601,0123456789,012041,Clinic,,Acme,fa 57");

        var (status, lines) = await ImportAsync(csv, "text/csv");

        Assert.Equal(200, status);
        var summary = lines[^1];
        Assert.Equal("summary", summary.GetProperty("kind").GetString());
        Assert.Equal(5, summary.GetProperty("rowsRead").GetInt32());
        Assert.Equal(1, summary.GetProperty("rowsImported").GetInt32());
        Assert.Equal(4, summary.GetProperty("rowsFailed").GetInt32());
        Assert.Equal(2, summary.GetProperty("dosesWritten").GetInt32());
        var errors = lines.Where(l => l.GetProperty("kind").GetString() == "error").ToList();
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 3 && e.GetProperty("code").GetString() == "subject.confirmed");
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 4 && e.GetProperty("code").GetString() == "dose.date_before_previous");
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 5 && e.GetProperty("code").GetString() == "subject.unknown");
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 6 && e.GetProperty("code").GetString() == "manufacturer.unknown");
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 6 && e.GetProperty("field").GetString() == "dose1.lotNumber");
        Assert.Equal(["FA5765", "EY0572"], (await Doses(good)).Select(d => d.GetProperty("lotNumber").GetString()!).ToArray());
        Assert.Empty(await Doses(outOfOrder));
        Assert.Empty(await Doses(confirmed));
    }

    [Fact]
    public async Task Import_ShiftJisFile_IsDecoded()
    {
        var id = NewSubjectId();
        await _client.SendEventAsync(_vrs, _secret, Registered(id, NewTicket()));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(932).GetBytes(Header + "\r\n" + Line(id, ("20210601", "FA5765")) + "\r\n");

        var (status, lines) = await ImportAsync(bytes, "text/csv; charset=shift_jis");

        Assert.Equal(200, status);
        Assert.Equal(1, lines[^1].GetProperty("rowsImported").GetInt32());
        Assert.Equal("旭川中央クリニック", Assert.Single(await Doses(id)).GetProperty("siteName").GetString());
    }

    [Fact]
    public async Task Import_WrongHeader_RefusesTheFile()
    {
        var (status, lines) = await ImportAsync("宛名,接種日\nA-1,20210601", "text/csv");

        Assert.Equal(200, status);
        Assert.Equal("csv.header", lines[0].GetProperty("code").GetString());
        Assert.Equal(0, lines[^1].GetProperty("rowsImported").GetInt32());
    }

    [Fact]
    public async Task Import_MoreThanOneChunk_ReportsProgress()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 1_100; i++)
        {
            csv.Append('\n').Append(Line("NOBODY-" + i, ("20210601", "FA5765")));
        }

        var (_, lines) = await ImportAsync(csv.ToString(), "text/csv");

        var progress = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "progress");
        Assert.Equal(1_000, progress.GetProperty("rowsRead").GetInt32());
        Assert.Equal(1_100, lines[^1].GetProperty("rowsFailed").GetInt32());
    }

    [Theory]
    [InlineData("vrs", 403)]
    [InlineData("vaccination-site", 403)]
    public async Task Import_NonStaffCaller_IsRefused(string role, int expected)
    {
        var token = await _client.TokenAsync(role);
        using var http = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/municipalities/012041/vrs/imports") { Content = new StringContent(Header, Encoding.UTF8, "text/csv") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, (int)response.StatusCode);
    }

    private static string Line(string subjectId, params (string Date, string Lot)[] doses) =>
        subjectId + string.Concat(doses.Select(d => $",{d.Date}120000,{d.Date},123456789,12041,旭川中央クリニック,,ファイザー,{d.Lot}"))
        + string.Concat(Enumerable.Repeat(",,,,,,,,", 2 - doses.Length));

    private Task<(int, List<JsonElement>)> ImportAsync(string csv, string contentType) => ImportAsync(Encoding.UTF8.GetBytes(csv), contentType);

    private async Task<(int, List<JsonElement>)> ImportAsync(byte[] body, string contentType)
    {
        using var http = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/municipalities/012041/vrs/imports") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _staff);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList());
    }

    private async Task<List<JsonElement>> Doses(string id)
    {
        var (status, body) = await _client.GetAsync($"api/municipalities/012041/subjects/{id}", _staff);
        Assert.Equal(200, status);
        return body.GetProperty("doses").EnumerateArray().ToList();
    }
}
