using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Vaccination.Application.Ingestion;
using Vaccination.Benchmarks;
using Vaccination.Benchmarks.Soak;
using Vaccination.ReliabilityTests.Environment;

namespace Vaccination.ReliabilityTests.Hostile;

/// <summary>
/// Callers that must be refused: tokens that are expired, for another audience, signed with another key or for another
/// tenant; replayed and stale webhooks; bodies over the limit with or without a declared length; JSON nested too deep;
/// bodies that are not UTF-8; a bulk inquiry file with one huge line. Each gets a clear 4xx with a stable code, and no
/// table changes (except the audit trail, which records the refused attempt).
/// </summary>
[Collection(ReliabilityTestGroup.Name)]
public sealed class HostileCallerTests(ReliabilityEnvironment environment)
{
    private const string HostKey = "hostile";
    private const string SubjectPath = "api/municipalities/012041/subjects/H-TARGET";

    public static TheoryData<string> RefusedTokens => ["expired", "wrong-audience", "foreign-key"];

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task PutSubject_RefusedToken_Returns401AndChangesNothing(string kind)
    {
        var host = await environment.SharedHostAsync(HostKey);
        using var client = new SoakClient(host.CreateClient());
        var token = kind switch
        {
            "expired" => TokenForge.Create(host.KeyFile, "municipal-admin", "012041", DateTime.UtcNow.AddMinutes(-10)),
            "wrong-audience" => TokenForge.Create(host.KeyFile, "municipal-admin", "012041", DateTime.UtcNow.AddHours(1), audience: "api://someone-else"),
            _ => TokenForge.Create(host.KeyFile, "municipal-admin", "012041", DateTime.UtcNow.AddHours(1), otherKey: new byte[32]),
        };
        await PrepareAsync(client);
        var before = await CountsAsync(host);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Put, SubjectPath, token, Subject());

        Assert.Equal(401, status);
        Assert.Equal("urn:vaccination:problem:", Problem(body).GetProperty("type").GetString()![..24]);
        Assert.Equal(before, await CountsAsync(host));
    }

    [Fact]
    public async Task Subject_OtherTenantsToken_Returns404AsIfMissingAndChangesNothing()
    {
        var host = await environment.SharedHostAsync(HostKey);
        using var client = new SoakClient(host.CreateClient());
        var own = await client.TokenAsync("municipal-admin", "012041");
        var existing = $"api/municipalities/012041/subjects/H-{Guid.NewGuid().ToString("N")[..8]}";
        Assert.Equal(200, (await client.SendJsonAsync(HttpMethod.Put, existing, own, Subject())).Status);
        var other = (await PrepareAsync(client)).Sapporo;
        var before = await CountsAsync(host);

        var read = await client.SendJsonAsync(HttpMethod.Get, existing, other, null);
        var write = await client.SendJsonAsync(HttpMethod.Put, existing, other, Subject());
        var missing = await client.SendJsonAsync(HttpMethod.Get, "api/municipalities/012041/subjects/H-NOBODY", other, null);

        Assert.Equal(404, read.Status);
        Assert.Equal(404, write.Status);
        Assert.Equal(WithoutTrace(missing.Body), WithoutTrace(read.Body));
        Assert.Equal(before, await CountsAsync(host));
    }

    [Fact]
    public async Task Webhook_ExactReplay_ReturnsTheStoredAnswerAndChangesNothing()
    {
        var host = await environment.SharedHostAsync(HostKey);
        using var client = new SoakClient(host.CreateClient());
        var credentials = await PrepareAsync(client);
        var (token, secret) = (credentials.Vrs, credentials.Secret);
        var body = Registered();
        var timestamp = Now();
        var first = await client.SendAsync(Webhook(token, body, timestamp, WebhookSignature.Sign(secret, timestamp, body)));
        var before = await CountsAsync(host);

        var replay = await client.SendAsync(Webhook(token, body, timestamp, WebhookSignature.Sign(secret, timestamp, body)));

        Assert.Equal(200, first.Status);
        Assert.Equal(200, replay.Status);
        Assert.True(Problem(replay.Body).GetProperty("replayed").GetBoolean());
        Assert.Equal(before, await CountsAsync(host));
    }

    [Fact]
    public async Task Webhook_StaleSignature_Returns401AndChangesNothing()
    {
        var host = await environment.SharedHostAsync(HostKey);
        using var client = new SoakClient(host.CreateClient());
        var credentials = await PrepareAsync(client);
        var (token, secret) = (credentials.Vrs, credentials.Secret);
        var body = Registered();
        var stale = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var before = await CountsAsync(host);

        var (status, answer) = await client.SendAsync(Webhook(token, body, stale, WebhookSignature.Sign(secret, stale, body)));

        Assert.Equal(401, status);
        Assert.Equal("webhook.timestamp_out_of_range", Problem(answer).GetProperty("code").GetString());
        Assert.Equal(before, await CountsAsync(host));
    }

    public static TheoryData<string, bool> Oversized => new()
    {
        { "subject", true }, { "subject", false }, { "webhook", true }, { "webhook", false }, { "bulk-inquiry", true }, { "bulk-inquiry", false },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task Body_OverTheLimit_Returns400TooLargeAndChangesNothing(string target, bool declaresLength)
    {
        var host = await environment.SharedHostAsync(HostKey);
        using var client = new SoakClient(host.CreateClient());
        var (bytes, limit) = target switch
        {
            "subject" => (PaddedJson(Subject(), 1024 * 1024 + 10), 1024 * 1024),
            "webhook" => (PaddedJson(JsonSerializer.Deserialize<JsonElement>(Registered()), 256 * 1024 + 10), 256 * 1024),
            _ => (Encoding.UTF8.GetBytes("subjectId,myNumber,formerMunicipality,legalBasis,consentReference\n" + new string('x', 4 * 1024 * 1024)), 4 * 1024 * 1024),
        };
        Assert.True(bytes.Length > limit);
        var credentials = await PrepareAsync(client);
        var before = await CountsAsync(host);

        var (status, body) = await SendAsync(client, credentials, target, bytes, declaresLength);

        Assert.True(status == 400, $"{status}: {body}");
        Assert.Equal("request.too_large", Problem(body).GetProperty("code").GetString());
        Assert.Equal(before, await CountsAsync(host));
    }

    public static TheoryData<string> Targets => ["subject", "webhook"];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Json_NestedTooDeep_Returns400AndChangesNothing(string target)
    {
        var host = await environment.SharedHostAsync(HostKey);
        using var client = new SoakClient(host.CreateClient());
        var deep = Encoding.UTF8.GetBytes("{\"name\":" + new string('[', 5000) + new string(']', 5000) + "}");
        var credentials = await PrepareAsync(client);
        var before = await CountsAsync(host);

        var (status, body) = await SendAsync(client, credentials, target, deep, declaresLength: true);

        Assert.True(status == 400, $"{status}: {body}");
        Assert.Equal("request.malformed_json", Problem(body).GetProperty("code").GetString());
        Assert.Equal(before, await CountsAsync(host));
    }

    public static TheoryData<string> Utf8Targets => ["subject", "webhook", "webhook-site", "bulk-inquiry"];

    [Theory]
    [MemberData(nameof(Utf8Targets))]
    public async Task Body_InvalidUtf8_Returns400AndChangesNothing(string target)
    {
        var host = await environment.SharedHostAsync(HostKey);
        using var client = new SoakClient(host.CreateClient());
        var text = target switch
        {
            "subject" => JsonSerializer.Serialize(Subject(name: "INVALID-HERE")),
            "webhook" => Encoding.UTF8.GetString(Registered(name: "INVALID-HERE")),
            "webhook-site" => JsonSerializer.Serialize(new
            {
                eventId = "evt-" + Guid.NewGuid().ToString("N"),
                type = "dose.recorded",
                ticketNumber = "0123456789",
                dose = new { doseNumber = 1, date = "2021-06-01", manufacturer = "Pfizer", product = "Comirnaty", vaccineType = "mRNA", lotNumber = "FA5765", siteName = "INVALID-HERE" },
            }),
            _ => "subjectId,myNumber,formerMunicipality,legalBasis,consentReference\nH-1," + MyNumbers.For(4242) + ",012041,mynumber-act-19-16,INVALID-HERE\n",
        };
        var utf8 = Encoding.UTF8.GetBytes(text);
        var at = utf8.AsSpan().IndexOf("INVALID-HERE"u8);
        utf8[at] = 0xC3;
        utf8[at + 1] = 0x28;
        utf8[at + 2] = 0xFF;
        var credentials = await PrepareAsync(client);
        var before = await CountsAsync(host);

        var (status, body) = await SendAsync(client, credentials, target, utf8, declaresLength: true);

        Assert.True(status == 400, $"{status}: {body}");
        Assert.Contains(Problem(body).GetProperty("code").GetString(), new[] { "request.invalid_utf8", "request.malformed_json" });
        Assert.Equal(before, await CountsAsync(host));
    }

    [Fact]
    public async Task Webhook_LoneSurrogateEscapeFromVaccinationSite_Returns400AndChangesNothing()
    {
        var host = await environment.SharedHostAsync(HostKey);
        using var client = new SoakClient(host.CreateClient());
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpora", "webhook", "regressions", "lone-surrogate.json"));
        var credentials = await PrepareAsync(client);
        var before = await CountsAsync(host);

        var (status, answer) = await SendAsync(client, credentials, "webhook-site", body, declaresLength: true);

        Assert.True(status == 400, $"{status}: {answer}");
        Assert.Equal("request.malformed_json", Problem(answer).GetProperty("code").GetString());
        Assert.Equal(before, await CountsAsync(host));
    }

    [Fact]
    public async Task BulkInquiry_OneHugeLineUnderTheLimit_Returns400AndChangesNothing()
    {
        var host = await environment.SharedHostAsync(HostKey);
        using var client = new SoakClient(host.CreateClient());
        var csv = Encoding.UTF8.GetBytes("subjectId,myNumber,formerMunicipality,legalBasis,consentReference\nH-1," + new string('9', 3 * 1024 * 1024) + ",012041,mynumber-act-19-16,C\n");
        var credentials = await PrepareAsync(client);
        var before = await CountsAsync(host);

        var (status, body) = await SendAsync(client, credentials, "bulk-inquiry", csv, declaresLength: false);

        Assert.True(status == 400, $"{status}: {body}");
        Assert.Equal("my_number.format", Problem(body).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(before, await CountsAsync(host));
    }

    private static async Task<(int Status, string Body)> SendAsync(SoakClient client, Credentials credentials, string target, byte[] bytes, bool declaresLength)
    {
        HttpContent content = declaresLength ? new ByteArrayContent(bytes) : ChunkedContent.Create(bytes, target == "bulk-inquiry" ? "text/csv" : "application/json");
        content.Headers.ContentType = new MediaTypeHeaderValue(target == "bulk-inquiry" ? "text/csv" : "application/json");
        switch (target)
        {
            case "subject":
                return await client.SendJsonAsync(HttpMethod.Put, SubjectPath, credentials.Asahikawa, content);
            case "webhook" or "webhook-site":
                var timestamp = Now();
                var request = Webhook(target == "webhook" ? credentials.Vrs : credentials.Site, [], timestamp, WebhookSignature.Sign(credentials.Secret, timestamp, bytes));
                request.Content = content;
                return await client.SendAsync(request);
            default:
                return await client.SendJsonAsync(HttpMethod.Post, "api/municipalities/011002/inquiry-jobs", credentials.Sapporo, content);
        }
    }

    /// <summary>
    /// Tokens and the webhook secret for the calls, obtained before counting; the first time on a host it also registers a
    /// person at each tenant, so that tenant keys made on first use are not counted as a change caused by a refused call.
    /// </summary>
    private static async Task<Credentials> PrepareAsync(SoakClient client)
    {
        var credentials = new Credentials(
            await client.TokenAsync("vrs", "012041"), await client.TokenAsync("vaccination-site", "012041"), await client.WebhookSecretAsync("012041"),
            await client.TokenAsync("municipal-admin", "012041"), await client.TokenAsync("municipal-admin", "011002"));
        await client.WebhookSecretAsync("011002");
        foreach (var (code, token) in new[] { ("012041", credentials.Asahikawa), ("011002", credentials.Sapporo) })
        {
            var (status, body) = await client.SendJsonAsync(HttpMethod.Put, $"api/municipalities/{code}/subjects/H-WARM", token,
                new { myNumber = MyNumbers.For(code == "012041" ? 4141 : 4242), name = "敵対 花子", birthDate = "1980-05-05", sex = "Female", tickets = new[] { "0123456789" } });
            Assert.True(status is 200 or 409, body);
        }

        return credentials;
    }

    private sealed record Credentials(string Vrs, string Site, byte[] Secret, string Asahikawa, string Sapporo);

    private static HttpRequestMessage Webhook(string token, byte[] body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/municipalities/012041/vrs/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        return request;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static object Subject(string name = "敵対 花子") =>
        new { myNumber = (string?)null, name, birthDate = "1980-05-05", sex = "Female", tickets = new[] { "0123456789" } };

    private static byte[] Registered(string name = "敵対 花子") => SoakClient.Registered(
        "evt-" + Guid.NewGuid().ToString("N"), "H-" + Guid.NewGuid().ToString("N")[..8], $"4{Random.Shared.Next(100_000_000, 999_999_999)}",
        MyNumbers.For(Random.Shared.Next(1, 1_000_000)), name, "1980-05-05");

    /// <summary>Valid JSON of at least <paramref name="size"/> bytes: the value followed by whitespace.</summary>
    private static byte[] PaddedJson(object value, int size)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value);
        var padded = new byte[Math.Max(size, json.Length)];
        Array.Fill(padded, (byte)' ');
        json.CopyTo(padded, 0);
        return padded;
    }

    private static JsonElement Problem(string body) => JsonDocument.Parse(body).RootElement;

    private static string WithoutTrace(string problem) =>
        string.Join(',', Problem(problem).EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));

    private Task<string> CountsAsync(SoakHost host) => RawRows.CallerVisibleCountsAsync(environment.ConnectionString, host.TablePrefix);
}
