using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using static Vaccination.IntegrationTests.Ingestion.VrsEvents;

namespace Vaccination.IntegrationTests.Ingestion;

[Collection(IntegrationTestGroup.Name)]
public sealed class WebhookIngestionTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private const string Events = "api/municipalities/012041/vrs/events";
    private SelfHostProcess _host = null!;
    private WebhookClient _client = null!;
    private string _vrs = null!;
    private string _site = null!;
    private string _staff = null!;
    private byte[] _secret = null!;

    public async Task InitializeAsync()
    {
        _host = await environment.GetSelfHostAsync();
        _client = new WebhookClient(_host);
        _vrs = await _client.TokenAsync("vrs");
        _site = await _client.TokenAsync("vaccination-site");
        _staff = await _client.TokenAsync("municipal-staff");
        _secret = await _client.SecretAsync();
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SubjectRegistered_ThenSiteRecordsDoseByTicket_DoseStoredAndSiteSeesNoSubjectId()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());

        var registered = await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        var recorded = await _client.SendEventAsync(_site, _secret, DoseByTicket(ticket, 1, "2021-06-01"));
        var subject = await Subject(id);

        Assert.Equal(200, registered.Status);
        Assert.Equal("applied", registered.Body.GetProperty("result").GetString());
        Assert.Equal(200, recorded.Status);
        Assert.Equal(JsonValueKind.Null, recorded.Body.GetProperty("subjectId").ValueKind);
        Assert.Equal(1, recorded.Body.GetProperty("doseNumber").GetInt32());
        var dose = Assert.Single(subject.GetProperty("doses").EnumerateArray());
        Assert.Equal("Pfizer", dose.GetProperty("manufacturer").GetString());
        Assert.Equal(ticket, dose.GetProperty("ticketNumber").GetString());
    }

    [Fact]
    public async Task EveryEventType_AppliedInTurn_SubjectShowsEachChange()
    {
        var (id, ticket, newTicket, reissued) = (NewSubjectId(), NewTicket(), NewTicket(), NewTicket());
        object[] events =
        [
            Registered(id, ticket),
            new { eventId = NewEventId(), type = "subject.updated", subjectId = id,
                subject = new { myNumber = NewMyNumber(), name = "旭川 次郎", birthDate = "1960-04-01", sex = "Male", tickets = new[] { ticket } } },
            new { eventId = NewEventId(), type = "ticket.issued", subjectId = id, ticket = new { ticketNumber = newTicket } },
            new { eventId = NewEventId(), type = "ticket.reissued", subjectId = id, ticket = new { ticketNumber = reissued, replaces = newTicket } },
            Dose(id, 1, "2021-06-01"),
            Dose(id, 2, "2021-06-22"),
            new { eventId = NewEventId(), type = "dose.corrected", subjectId = id, dose = Payload(2, "2021-06-23", "EY0572", null) },
            Dose(id, 3, "2022-01-10"),
            new { eventId = NewEventId(), type = "dose.cancelled", subjectId = id, cancellation = new { doseNumber = 3, reason = "recorded_in_error" } },
            new { eventId = NewEventId(), type = "resident.changed", subjectId = id, resident = new { name = "旭川 三郎" } },
            new { eventId = NewEventId(), type = "subject.moved_out", subjectId = id, movedOut = new { date = "2023-04-01", destinationMunicipalityCode = "011002" } },
            new { eventId = NewEventId(), type = "subject.deceased", subjectId = id, deceased = new { date = "2024-02-01" } },
        ];

        var statuses = new List<int>();
        foreach (var evt in events)
        {
            statuses.Add((await _client.SendEventAsync(_vrs, _secret, evt)).Status);
        }

        var subject = await Subject(id);
        Assert.All(statuses, status => Assert.Equal(200, status));
        Assert.Equal("旭川 三郎", subject.GetProperty("name").GetString());
        Assert.Equal([ticket, reissued], subject.GetProperty("tickets").EnumerateArray().Select(t => t.GetString()!).ToArray());
        var doses = subject.GetProperty("doses").EnumerateArray().ToList();
        Assert.Equal([1, 2], doses.Select(d => d.GetProperty("doseNumber").GetInt32()).ToArray());
        Assert.Equal("EY0572", doses[1].GetProperty("lotNumber").GetString());
        Assert.Equal("2021-06-23", doses[1].GetProperty("date").GetString());
        var flags = subject.GetProperty("flags");
        Assert.Equal("2023-04-01", flags.GetProperty("movedOutOn").GetString());
        Assert.Equal("011002", flags.GetProperty("movedTo").GetString());
        Assert.Equal("2024-02-01", flags.GetProperty("deceasedOn").GetString());
    }

    [Fact]
    public async Task ReplayedEventId_ReturnsOriginalOutcome_AndChangesNothing()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        var original = Dose(id, 1, "2021-06-01", lot: "FA5765");
        var first = await _client.SendEventAsync(_vrs, _secret, original);
        await _client.SendEventAsync(_vrs, _secret, new { eventId = NewEventId(), type = "dose.corrected", subjectId = id, dose = Payload(1, "2021-06-02", "EY0572", null) });

        var replay = await _client.SendEventAsync(_vrs, _secret, original);
        var subject = await Subject(id);

        Assert.Equal(200, replay.Status);
        Assert.True(replay.Body.GetProperty("replayed").GetBoolean());
        Assert.False(first.Body.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.Body.GetProperty("eventId").GetString(), replay.Body.GetProperty("eventId").GetString());
        Assert.Equal("EY0572", Assert.Single(subject.GetProperty("doses").EnumerateArray()).GetProperty("lotNumber").GetString());
    }

    [Fact]
    public async Task SameEventIdWithDifferentBody_Is409_AndChangesNothing()
    {
        var (id, ticket, eventId) = (NewSubjectId(), NewTicket(), NewEventId());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        await _client.SendEventAsync(_vrs, _secret, Dose(id, 1, "2021-06-01", eventId));

        var reused = await _client.SendEventAsync(_vrs, _secret, Dose(id, 1, "2021-06-05", eventId, lot: "ZZ9999"));
        var subject = await Subject(id);

        Assert.Equal(409, reused.Status);
        Assert.Equal("event.id_reused", reused.Body.GetProperty("code").GetString());
        Assert.Equal("FA5765", Assert.Single(subject.GetProperty("doses").EnumerateArray()).GetProperty("lotNumber").GetString());
    }

    [Theory]
    [InlineData("missing", "webhook.signature_missing")]
    [InlineData("wrong", "webhook.signature_invalid")]
    [InlineData("stale", "webhook.timestamp_out_of_range")]
    [InlineData("future", "webhook.timestamp_out_of_range")]
    [InlineData("other-tenant-secret", "webhook.signature_invalid")]
    public async Task BadSignature_Is401_AndNothingIsStored(string kind, string code)
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        var json = JsonSerializer.Serialize(Registered(id, ticket));
        var otherSecret = await _client.SecretAsync("011002");

        var (status, body) = kind switch
        {
            "missing" => await _client.PostAsync(Events, _vrs, json, secret: null),
            "wrong" => await _client.PostAsync(Events, _vrs, json, _secret, signatureOverride: "v1=" + new string('0', 64)),
            "stale" => await _client.PostAsync(Events, _vrs, json, _secret, DateTimeOffset.UtcNow.AddMinutes(-6)),
            "future" => await _client.PostAsync(Events, _vrs, json, _secret, DateTimeOffset.UtcNow.AddMinutes(6)),
            _ => await _client.PostAsync(Events, _vrs, json, otherSecret),
        };

        Assert.Equal(401, status);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(404, (await _client.GetAsync($"api/municipalities/012041/subjects/{id}", _staff)).Status);
    }

    [Fact]
    public async Task SignatureOverDifferentBody_Is401()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        var signedJson = JsonSerializer.Serialize(Registered(id, ticket));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Vaccination.Application.Ingestion.WebhookSignature.Sign(_secret, timestamp, System.Text.Encoding.UTF8.GetBytes(signedJson));

        var (status, body) = await _client.PostAsync(Events, _vrs, signedJson.Replace(id, id + "X", StringComparison.Ordinal), _secret, signatureOverride: signature);

        Assert.Equal(401, status);
        Assert.Equal("webhook.signature_invalid", body.GetProperty("code").GetString());
        Assert.Equal(404, (await _client.GetAsync($"api/municipalities/012041/subjects/{id}X", _staff)).Status);
    }

    [Theory]
    [InlineData("municipal-staff", "012041", 403)]
    [InlineData("vrs", "011002", 404)]
    public async Task WrongRoleOrOtherTenant_IsRefused(string role, string tokenMunicipality, int expected)
    {
        var token = await _client.TokenAsync(role, tokenMunicipality);

        var (status, _) = await _client.SendEventAsync(token, _secret, Registered(NewSubjectId(), NewTicket()));

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task MissingBearerToken_Is401()
    {
        var (status, body) = await _client.PostAsync(Events, null, JsonSerializer.Serialize(Registered(NewSubjectId(), NewTicket())), _secret);

        Assert.Equal(401, status);
        Assert.Equal("auth.invalid_token", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task InvalidDose_ListsEveryFieldErrorWithStableCodes_AndStoresNothing()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (status, body) = await _client.SendEventAsync(_vrs, _secret, new
        {
            eventId = NewEventId(),
            type = "dose.recorded",
            municipalityCode = "012042",
            subjectId = id,
            dose = new { doseNumber = 1, date = future, manufacturer = "Acme", lotNumber = "fa 57/65", siteName = "Clinic", administeredBy = "000000" },
        });
        var early = await _client.SendEventAsync(_vrs, _secret, Dose(id, 1, "2021-02-16"));
        var subject = await Subject(id);

        Assert.Equal(400, status);
        Assert.Equal("validation.failed", body.GetProperty("code").GetString());
        var codes = body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "municipality_code.check_digit", "date.future", "manufacturer.unknown", "lot_number.format", "municipality_code.check_digit" }, codes);
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "dose.administeredBy");
        Assert.Equal("date.too_early", early.Body.GetProperty("code").GetString());
        Assert.Empty(subject.GetProperty("doses").EnumerateArray());
    }

    [Fact]
    public async Task MunicipalityCodeInBody_NotServedOrNotTheCallers_IsRefused()
    {
        var notServed = Registered(NewSubjectId(), NewTicket());
        var json = JsonSerializer.Serialize(notServed).Replace("\"012041\"", "\"271403\"", StringComparison.Ordinal);
        var mismatch = JsonSerializer.Serialize(Registered(NewSubjectId(), NewTicket())).Replace("\"012041\"", "\"011002\"", StringComparison.Ordinal);

        var first = await _client.PostAsync(Events, _vrs, json, _secret);
        var second = await _client.PostAsync(Events, _vrs, mismatch, _secret);

        Assert.Equal("municipality_code.not_served", first.Body.GetProperty("code").GetString());
        Assert.Equal("municipality_code.mismatch", second.Body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task DoseTwoWithoutDoseOne_IsRefused_UnlessTheEventSaysWhy_ThenFlagged()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));

        var refused = await _client.SendEventAsync(_vrs, _secret, Dose(id, 2, "2021-07-01"));
        var explained = await _client.SendEventAsync(_vrs, _secret, Dose(id, 2, "2021-07-01", reason: "administered_abroad"));
        var flags = await _client.GetAsync("api/municipalities/012041/data-quality?limit=1000", _staff);

        Assert.Equal(400, refused.Status);
        Assert.Equal("dose.previous_missing", refused.Body.GetProperty("code").GetString());
        Assert.Equal(200, explained.Status);
        Assert.Contains("dose.previous_dose_absent", explained.Body.GetProperty("dataQuality").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(flags.Body.EnumerateArray(), f => f.GetProperty("subjectId").GetString() == id && f.GetProperty("code").GetString() == "dose.previous_dose_absent");
    }

    [Fact]
    public async Task ShortInterval_IsStoredWithWarning_AndStaffCanResolveIt()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        await _client.SendEventAsync(_vrs, _secret, Dose(id, 1, "2021-06-01"));

        var second = await _client.SendEventAsync(_vrs, _secret, Dose(id, 2, "2021-06-08"));
        var resolved = await _client.SendAsync(HttpMethod.Post, $"api/municipalities/012041/data-quality/{id}/dose.interval_short@002/resolution", _staff);
        var open = await _client.GetAsync("api/municipalities/012041/data-quality?limit=1000", _staff);

        Assert.Equal(200, second.Status);
        Assert.Contains("dose.interval_short", second.Body.GetProperty("dataQuality").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(200, resolved.Status);
        Assert.True(resolved.Body.GetProperty("resolved").GetBoolean());
        Assert.DoesNotContain(open.Body.EnumerateArray(), f => f.GetProperty("subjectId").GetString() == id && f.GetProperty("code").GetString() == "dose.interval_short");
    }

    [Fact]
    public async Task UnknownTicket_Is400TicketUnknown()
    {
        var (status, body) = await _client.SendEventAsync(_site, _secret, DoseByTicket(NewTicket(), 1, "2021-06-01"));

        Assert.Equal(400, status);
        Assert.Equal("ticket.unknown", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task SiteCaller_SendingAnythingButDoseByTicket_Is403()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));

        var register = await _client.SendEventAsync(_site, _secret, Registered(NewSubjectId(), NewTicket(), myNumber: null!));
        var bySubjectId = await _client.SendEventAsync(_site, _secret, Dose(id, 1, "2021-06-01"));

        Assert.Equal(403, register.Status);
        Assert.Equal(403, bySubjectId.Status);
        Assert.Equal("site.subject_reference_forbidden", bySubjectId.Body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task SiteCaller_SendingAMyNumber_IsRefused_AndTheNumberIsNeitherStoredNorLogged()
    {
        var ticket = NewTicket();
        await _client.SendEventAsync(_vrs, _secret, Registered(NewSubjectId(), ticket));
        var myNumber = NewMyNumber();
        var hidden = NewMyNumber();

        var named = await _client.SendEventAsync(_site, _secret, new
        {
            eventId = NewEventId(),
            type = "dose.recorded",
            ticketNumber = ticket,
            myNumber,
            dose = Payload(1, "2021-06-01", "FA5765", null),
        });
        var inText = await _client.SendEventAsync(_site, _secret, new
        {
            eventId = NewEventId(),
            type = "dose.recorded",
            ticketNumber = ticket,
            dose = new { doseNumber = 1, date = "2021-06-01", manufacturer = "Pfizer", lotNumber = "FA5765", siteName = "Clinic " + hidden },
        });
        var rows = await RawTableScanner.ReadAllAsync(environment.Azurite.ConnectionString, _host.TablePrefix);
        var texts = RawTableScanner.Texts(rows).ToList();

        Assert.Equal(403, named.Status);
        Assert.Equal("site.my_number_forbidden", named.Body.GetProperty("code").GetString());
        Assert.Equal(403, inText.Status);
        Assert.True(texts.Count > 10, "the scan must see stored rows");
        foreach (var value in new[] { myNumber, hidden })
        {
            Assert.DoesNotContain(texts, t => t.Contains(value, StringComparison.Ordinal));
            Assert.DoesNotContain(value, _host.CapturedLogs, StringComparison.Ordinal);
            Assert.DoesNotContain(value, named.Body.GetRawText() + inText.Body.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ConfirmedSubject_LaterEventIs409_KeptForReview_AndNotApplied()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        await _client.SendEventAsync(_vrs, _secret, Dose(id, 1, "2021-06-01"));
        var confirm = await _client.SendAsync(HttpMethod.Put, $"api/municipalities/012041/subjects/{id}/confirmation", _staff);
        var late = Dose(id, 2, "2021-06-22");

        var refused = await _client.SendEventAsync(_vrs, _secret, late);
        var replay = await _client.SendEventAsync(_vrs, _secret, late);
        var bySite = await _client.SendEventAsync(_site, _secret, DoseByTicket(ticket, 2, "2021-06-22"));
        var review = await _client.GetAsync("api/municipalities/012041/review-items?limit=1000", _staff);
        var subject = await Subject(id);
        var disclosure = await _client.GetAsync($"api/municipalities/012041/subjects/{id}/disclosure", _staff);

        Assert.Equal(200, confirm.Status);
        Assert.True(confirm.Body.GetProperty("flags").GetProperty("confirmed").GetBoolean());
        Assert.Equal(409, refused.Status);
        Assert.Equal("subject.confirmed", refused.Body.GetProperty("code").GetString());
        Assert.Equal(409, replay.Status);
        Assert.Equal(409, bySite.Status);
        Assert.Single(subject.GetProperty("doses").EnumerateArray());
        var items = review.Body.EnumerateArray().Where(i => i.GetProperty("subjectId").GetString() == id).ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("subject.confirmed", i.GetProperty("reason").GetString()));
        var disclosed = disclosure.Body.GetProperty("sections").EnumerateArray().Single(section => section.GetProperty("name").GetString() == "reviewItems");
        Assert.Equal(items.Select(i => i.GetProperty("eventId").GetString()).Order(),
            disclosed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("eventId").GetString()).Order());
    }

    [Fact]
    public async Task ReleasedConfirmation_LetsEventsApplyAgain()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        await _client.SendAsync(HttpMethod.Put, $"api/municipalities/012041/subjects/{id}/confirmation", _staff);
        await _client.SendAsync(HttpMethod.Delete, $"api/municipalities/012041/subjects/{id}/confirmation", _staff);

        var (status, _) = await _client.SendEventAsync(_vrs, _secret, Dose(id, 1, "2021-06-01"));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Batch_ProcessesEachEventOnItsOwn_WithPrefixedFieldErrors()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        var batch = new
        {
            events = new object[]
            {
                Registered(id, ticket),
                Dose(id, 1, "2021-06-01"),
                new { eventId = NewEventId(), type = "dose.recorded", subjectId = id, dose = Payload(2, "2021-06-22", "bad lot", null) },
                new { eventId = "bad id!", type = "no.such.type" },
            },
        };

        var (status, body) = await _client.PostAsync(Events + "/batch", _vrs, JsonSerializer.Serialize(batch), _secret);

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("applied").GetInt32());
        Assert.Equal(2, body.GetProperty("refused").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([200, 200, 400, 400], results.Select(r => r.GetProperty("status").GetInt32()).ToArray());
        Assert.Equal("events[2].dose.lotNumber", results[2].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains(results[3].GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "events[3].type");
    }

    [Fact]
    public async Task TicketHeldByAnotherSubject_Is409_AndTheFirstHolderKeepsIt()
    {
        var (first, second, ticket) = (NewSubjectId(), NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(first, ticket));

        var (status, body) = await _client.SendEventAsync(_vrs, _secret, Registered(second, ticket));
        var bySite = await _client.SendEventAsync(_site, _secret, DoseByTicket(ticket, 1, "2021-06-01"));

        Assert.Equal(409, status);
        Assert.Equal("ticket.duplicate", body.GetProperty("code").GetString());
        Assert.Equal(404, (await _client.GetAsync($"api/municipalities/012041/subjects/{second}", _staff)).Status);
        Assert.Single((await Subject(first)).GetProperty("doses").EnumerateArray());
        Assert.Equal(200, bySite.Status);
    }

    [Fact]
    public async Task TicketIndex_HoldsNoTicketNumberInClear()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        await _client.SendEventAsync(_site, _secret, DoseByTicket(ticket, 1, "2021-06-01"));

        var rows = await RawTableScanner.ReadAllAsync(environment.Azurite.ConnectionString, _host.TablePrefix);

        Assert.Contains(rows, r => ((string)r["__table"]).EndsWith("TicketIndex", StringComparison.Ordinal) && (string)r["SubjectId"] == id);
        Assert.DoesNotContain(RawTableScanner.Texts(rows), t => t.Contains(ticket, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheIngestionRoutes()
    {
        var (status, body) = await _client.GetAsync("api/openapi/v1.json", _staff);

        var paths = body.GetProperty("paths");
        Assert.Equal(200, status);
        var post = paths.GetProperty("/api/municipalities/{municipalityCode}/vrs/events").GetProperty("post");
        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "X-Vrs-Signature");
        Assert.True(paths.GetProperty("/api/municipalities/{municipalityCode}/vrs/events/batch").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/municipalities/{municipalityCode}/data-quality").TryGetProperty("get", out _));
        Assert.True(body.GetProperty("components").GetProperty("schemas").TryGetProperty("WebhookEvent", out _));
    }

    private async Task<JsonElement> Subject(string id)
    {
        var (status, body) = await _client.GetAsync($"api/municipalities/012041/subjects/{id}", _staff);
        Assert.Equal(200, status);
        return body;
    }
}
