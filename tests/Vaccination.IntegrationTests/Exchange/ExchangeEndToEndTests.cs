using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;
using static Vaccination.IntegrationTests.Exchange.ExchangeApi;

namespace Vaccination.IntegrationTests.Exchange;

/// <summary>
/// Issue 4's done-when, end to end on the shared self-host over HTTP with two tenants: Sapporo (011002) is the new
/// municipality A, Asahikawa (012041) the former municipality B. Every exchange message travels through the self-host's
/// Storage queue on Azurite and its hosted consumer.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class ExchangeEndToEndTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private SelfHostProcess _host = null!;
    private ApiClient _client = null!;
    private ExchangeApi _api = null!;

    public async Task InitializeAsync()
    {
        _host = await environment.GetSelfHostAsync();
        _client = new ApiClient(_host);
        _api = new ExchangeApi(_client);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Inquiry_PersonWithThreeDosesAtB_AReceivesTheThreeDosesMarkedWithSource()
    {
        var myNumber = NewMyNumber();
        var atB = Unique("B-");
        var atA = Unique("A-");
        await _api.RegisterAsync(Asahikawa, atB, myNumber);
        await _api.RecordDosesAsync(Asahikawa, atB, 3);
        await _api.RegisterAsync(Sapporo, atA, myNumber);

        var (status, accepted) = await _api.InquireAsync(atA, myNumber);
        var inquiryId = accepted.GetProperty("id").GetString()!;
        var result = await _api.WaitForInquiryAsync(inquiryId);
        var token = await _client.TokenAsync(StaffRole, Sapporo);
        var (_, subject) = await _client.SendAsync(HttpMethod.Get, $"api/municipalities/{Sapporo}/subjects/{atA}", token);

        Assert.Equal(202, status);
        Assert.Equal("provided", result.GetProperty("status").GetString());
        Assert.Equal(3, result.GetProperty("doses").GetArrayLength());
        Assert.Equal("FA5765", result.GetProperty("doses")[0].GetProperty("lotNumber").GetString());
        Assert.DoesNotContain(myNumber, result.GetRawText(), StringComparison.Ordinal);
        var doses = subject.GetProperty("doses").EnumerateArray().ToList();
        Assert.Equal(3, doses.Count);
        Assert.All(doses, d => Assert.Equal(Asahikawa, d.GetProperty("sourceMunicipality").GetString()));
    }

    [Fact]
    public async Task Inquiry_Completed_IsRecordedAtBothMunicipalities()
    {
        var myNumber = NewMyNumber();
        var atB = Unique("B-");
        var atA = Unique("A-");
        await _api.RegisterAsync(Asahikawa, atB, myNumber);
        await _api.RecordDosesAsync(Asahikawa, atB, 1);
        await _api.RegisterAsync(Sapporo, atA, null);

        var (_, accepted) = await _api.InquireAsync(atA, myNumber);
        var inquiryId = accepted.GetProperty("id").GetString()!;
        await _api.WaitForInquiryAsync(inquiryId);
        var atARecords = await _api.RecordsAsync(Sapporo, inquiryId);
        var atBRecords = await _api.RecordsAsync(Asahikawa, inquiryId);

        Assert.Equal(["sent", "provided"], atARecords.EnumerateArray().Select(r => r.GetProperty("event").GetString()!).ToArray());
        var provision = Assert.Single(atBRecords.EnumerateArray());
        Assert.Equal("provision", provision.GetProperty("direction").GetString());
        Assert.Equal(Sapporo, provision.GetProperty("counterparty").GetString());
        Assert.Equal("mynumber-act-19-16", provision.GetProperty("legalBasis").GetString());
        Assert.Equal(atB, provision.GetProperty("subjectId").GetString());
        Assert.Contains("doses=1", provision.GetProperty("items").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inquiry_UnknownNumber_AnswersNotFoundAndBKeepsNeitherNumberNorBlindIndex()
    {
        using var stack = await InProcessExchange.CreateAsync(environment);
        var unknown = NewMyNumber();
        var blindIndexAtB = await stack.BlindIndexAsync(Asahikawa, unknown);
        var atA = Unique("A-");
        await _api.RegisterAsync(Sapporo, atA, null);

        var (_, accepted) = await _api.InquireAsync(atA, unknown);
        var result = await _api.WaitForInquiryAsync(accepted.GetProperty("id").GetString()!);
        var rows = RawTableScanner.Texts(await RawTableScanner.ReadAllAsync(environment.Azurite.ConnectionString, _host.TablePrefix)).ToList();
        var logs = _host.CapturedLogs;

        Assert.Equal("not-found", result.GetProperty("status").GetString());
        Assert.Empty(result.GetProperty("doses").EnumerateArray());
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, row => row.Contains(unknown, StringComparison.Ordinal) || row.Contains(blindIndexAtB, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(unknown, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(blindIndexAtB, logs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Inquiry_AutoResponseDisabledPerson_WaitsForBApprovalThenProvides()
    {
        var myNumber = NewMyNumber();
        var atB = Unique("B-");
        var atA = Unique("A-");
        await _api.RegisterAsync(Asahikawa, atB, myNumber);
        await _api.RecordDosesAsync(Asahikawa, atB, 2);
        await DisableAutoResponseAsync(atB);
        await _api.RegisterAsync(Sapporo, atA, myNumber);

        var (_, accepted) = await _api.InquireAsync(atA, myNumber);
        var inquiryId = accepted.GetProperty("id").GetString()!;
        var review = await WaitForReviewAsync(inquiryId);
        await Task.Delay(300);
        var whileWaiting = await _api.GetInquiryAsync(inquiryId);
        var staffOfB = await _client.TokenAsync(StaffRole, Asahikawa);
        var (approvalStatus, approval) = await _client.SendAsync(HttpMethod.Post,
            $"api/municipalities/{Asahikawa}/provision-reviews/{review.GetProperty("reviewId").GetString()}/approval", staffOfB);
        var result = await _api.WaitForInquiryAsync(inquiryId);
        var atBRecords = await _api.RecordsAsync(Asahikawa, inquiryId);
        var (_, audit) = await _client.SendAsync(HttpMethod.Get, $"api/municipalities/{Asahikawa}/audit-entries?subjectId={atB}", staffOfB);
        var (_, auditAtA) = await _client.SendAsync(HttpMethod.Get, $"api/municipalities/{Sapporo}/audit-entries?subjectId={atA}",
            await _client.TokenAsync(StaffRole, Sapporo));

        // A redelivery of the inquiry would repeat the lookup and its entry, so each entry is looked for, not counted.
        var entries = audit.EnumerateArray()
            .Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actorId").GetString(), Outcome: e.GetProperty("outcome").GetString(), Resource: e.GetProperty("resource").GetString()))
            .ToList();
        Assert.Contains(("exchange.provision", "system", "succeeded", $"inquiryId={inquiryId}"), entries);
        Assert.Contains(("POST municipalities/{municipalityCode}/provision-reviews/{reviewId}/approval", "tester", "succeeded",
            $"reviewId={review.GetProperty("reviewId").GetString()}"), entries);
        Assert.Contains(auditAtA.EnumerateArray(), e => e.GetProperty("action").GetString() == "POST municipalities/{municipalityCode}/inquiries");
        Assert.Contains(auditAtA.EnumerateArray(), e => e.GetProperty("action").GetString() == "GET municipalities/{municipalityCode}/inquiries/{inquiryId}");
        Assert.Equal(atB, review.GetProperty("subjectId").GetString());
        Assert.Equal("awaiting", whileWaiting.GetProperty("status").GetString());
        Assert.Equal(200, approvalStatus);
        Assert.Equal("provided", approval.GetProperty("outcome").GetString());
        Assert.Equal("provided", result.GetProperty("status").GetString());
        Assert.Equal(2, result.GetProperty("doses").GetArrayLength());
        Assert.Equal(["held-for-review", "provided"], atBRecords.EnumerateArray().Select(r => r.GetProperty("event").GetString()!).ToArray());
        Assert.Equal("tester", atBRecords[1].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Inquiry_AutoResponseDisabledPersonRefusedByB_ShowsRefused()
    {
        var myNumber = NewMyNumber();
        var atB = Unique("B-");
        var atA = Unique("A-");
        await _api.RegisterAsync(Asahikawa, atB, myNumber);
        await DisableAutoResponseAsync(atB);
        await _api.RegisterAsync(Sapporo, atA, null);

        var (_, accepted) = await _api.InquireAsync(atA, myNumber);
        var inquiryId = accepted.GetProperty("id").GetString()!;
        var review = await WaitForReviewAsync(inquiryId);
        var staffOfB = await _client.TokenAsync(StaffRole, Asahikawa);
        var reviewPath = $"api/municipalities/{Asahikawa}/provision-reviews/{review.GetProperty("reviewId").GetString()}";
        var (refusalStatus, _) = await _client.SendAsync(HttpMethod.Post, reviewPath + "/refusal", staffOfB);
        var (secondStatus, second) = await _client.SendAsync(HttpMethod.Post, reviewPath + "/approval", staffOfB);
        var result = await _api.WaitForInquiryAsync(inquiryId);

        Assert.Equal(200, refusalStatus);
        Assert.Equal(409, secondStatus);
        Assert.Equal("review.already_decided", second.GetProperty("code").GetString());
        Assert.Equal("refused", result.GetProperty("status").GetString());
        Assert.Empty(result.GetProperty("doses").EnumerateArray());
    }

    [Fact]
    public async Task Inquiry_LegalBasisNotOnAllowList_IsRefusedBeforeAnythingIsSent()
    {
        var atA = Unique("A-");
        var myNumber = NewMyNumber();
        await _api.RegisterAsync(Sapporo, atA, null);

        var (status, body) = await _api.InquireAsync(atA, myNumber, legalBasis: "tax-investigation");
        var (consentStatus, consentBody) = await _api.InquireAsync(atA, myNumber, consentReference: null);
        var rows = RawTableScanner.Texts(await RawTableScanner.ReadAllAsync(environment.Azurite.ConnectionString, _host.TablePrefix + "Inquiries"));

        Assert.Equal(400, status);
        Assert.Equal("legal_basis.not_allowed", body.GetProperty("code").GetString());
        Assert.Equal("fix-request", body.GetProperty("retry").GetString());
        Assert.Equal(400, consentStatus);
        Assert.Equal("consent_reference.required", consentBody.GetProperty("code").GetString());
        Assert.DoesNotContain(rows, row => row.Contains(atA, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DuplicateDelivery_SameInquiryMessageTwice_YieldsOneProvisionAndOneRecord()
    {
        using var stack = await InProcessExchange.CreateAsync(environment);
        var myNumber = NewMyNumber();
        var atB = Unique("B-");
        var atA = Unique("A-");
        await _api.RegisterAsync(Asahikawa, atB, myNumber);
        await _api.RecordDosesAsync(Asahikawa, atB, 3);
        await _api.RegisterAsync(Sapporo, atA, myNumber);
        var inquiryId = await stack.InquireAsync(atA, myNumber);
        var message = await stack.TakeCapturedAsync();

        await stack.SelfHostQueue.SendMessageAsync(message);
        await stack.SelfHostQueue.SendMessageAsync(message);
        var result = await _api.WaitForInquiryAsync(inquiryId);
        await Task.Delay(1000);
        var provisions = await new TableClient(environment.Azurite.ConnectionString, _host.TablePrefix + "Provisions")
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"InquiryId eq {inquiryId}")).ToListAsync();
        var atBRecords = await _api.RecordsAsync(Asahikawa, inquiryId);
        var atARecords = await _api.RecordsAsync(Sapporo, inquiryId);

        Assert.Equal("provided", result.GetProperty("status").GetString());
        Assert.Single(provisions);
        Assert.Equal("provided", Assert.Single(atBRecords.EnumerateArray()).GetProperty("event").GetString());
        Assert.Equal(["sent", "provided"], atARecords.EnumerateArray().Select(r => r.GetProperty("event").GetString()!).ToArray());
    }

    [Fact]
    public async Task PoisonMessage_TamperedPayload_IsDeadLetteredWithReasonAndInquiryFailsWithRetryHint()
    {
        using var stack = await InProcessExchange.CreateAsync(environment);
        var atA = Unique("A-");
        await _api.RegisterAsync(Sapporo, atA, null);
        var inquiryId = await stack.InquireAsync(atA, NewMyNumber());
        var message = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await stack.TakeCapturedAsync())!;
        var payload = message["payload"].GetString()!;
        var tampered = new Dictionary<string, object?>(message.ToDictionary(p => p.Key, p => (object?)p.Value))
        {
            ["payload"] = payload[..^8] + (payload[^8] == 'A' ? 'B' : 'A') + payload[^7..],
        };

        await stack.SelfHostQueue.SendMessageAsync(JsonSerializer.Serialize(tampered));
        var result = await _api.WaitForInquiryAsync(inquiryId);
        var poisoned = await FindPoisonedAsync(stack, inquiryId);

        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.Equal("payload-undecryptable", result.GetProperty("failureReason").GetString());
        Assert.Equal("contact-support", result.GetProperty("retry").GetString());
        Assert.Equal("payload-undecryptable", poisoned.GetProperty("reason").GetString());
        Assert.Contains(inquiryId, poisoned.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoisonMessage_NotAnEnvelope_IsDeadLetteredAsMalformed()
    {
        using var stack = await InProcessExchange.CreateAsync(environment);
        var marker = Unique("garbage-");

        await stack.SelfHostQueue.SendMessageAsync("{\"not\":\"an envelope\",\"marker\":\"" + marker + "\"}");
        var poisoned = await FindPoisonedAsync(stack, marker);

        Assert.Equal("malformed-message", poisoned.GetProperty("reason").GetString());
    }

    private static string NewMyNumber() => TestData.MyNumberFor(Random.Shared.Next(10_000_000, 99_999_999));

    /// <summary>B's staff set the 自動応答不可 flag on B's subject (PUT .../auto-response-hold).</summary>
    private async Task DisableAutoResponseAsync(string subjectId)
    {
        var staffOfB = await _client.TokenAsync(StaffRole, Asahikawa);
        var (status, subject) = await _client.SendAsync(HttpMethod.Put, $"api/municipalities/{Asahikawa}/subjects/{subjectId}/auto-response-hold", staffOfB);
        Assert.Equal(200, status);
        Assert.True(subject.GetProperty("flags").GetProperty("autoResponseDisabled").GetBoolean());
    }

    private async Task<JsonElement> WaitForReviewAsync(string inquiryId)
    {
        var token = await _client.TokenAsync(StaffRole, Asahikawa);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var (_, reviews) = await _client.SendAsync(HttpMethod.Get, $"api/municipalities/{Asahikawa}/provision-reviews", token);
            foreach (var review in reviews.EnumerateArray())
            {
                if (review.GetProperty("inquiryId").GetString() == inquiryId)
                {
                    return review;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The inquiry never reached B's review queue.");
    }

    private static async Task<JsonElement> FindPoisonedAsync(InProcessExchange stack, string marker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var peeked in (await stack.SelfHostPoisonQueue.PeekMessagesAsync(32)).Value)
            {
                var text = peeked.Body.ToString();
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    return JsonDocument.Parse(text).RootElement.Clone();
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No poisoned message was found. Logs:\n" + stack.Host.CapturedLogs);
    }
}
