using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using static Vaccination.IntegrationTests.Ingestion.VrsEvents;

namespace Vaccination.IntegrationTests.Ingestion;

/// <summary>Events sent with "Prefer: respond-async": answered 202 once stored and queued, applied by the self-host's queue pump.</summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class QueuedWebhookTests(IntegrationEnvironment environment) : IAsyncLifetime
{
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
    public async Task RegistrationAndDose_Queued_Are202WithStatusUrls_ThenApplied_AndTheDoseIsStored()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());

        var registered = await _client.SendQueuedEventAsync(_vrs, _secret, Registered(id, ticket));
        var dose = await _client.SendQueuedEventAsync(_vrs, _secret, Dose(id, 1, "2021-06-01"));
        var registration = await _client.AwaitOutcomeAsync(registered.Location!, _vrs);
        var recorded = await _client.AwaitOutcomeAsync(dose.Location!, _vrs);
        var subject = await Subject(id);

        Assert.Equal(202, registered.Status);
        Assert.Equal("queued", registered.Body.GetProperty("result").GetString());
        Assert.Equal(202, registered.Body.GetProperty("status").GetInt32());
        Assert.Equal("respond-async", registered.PreferenceApplied);
        Assert.Equal($"/api/municipalities/012041/vrs/events/{registered.Body.GetProperty("eventId").GetString()}", registered.Location);
        Assert.Equal("applied", registration.Body.GetProperty("result").GetString());
        Assert.Equal(id, registration.Body.GetProperty("subjectId").GetString());
        Assert.Equal("applied", recorded.Body.GetProperty("result").GetString());
        Assert.Equal(200, recorded.Body.GetProperty("status").GetInt32());
        Assert.Equal("FA5765", Assert.Single(subject.GetProperty("doses").EnumerateArray()).GetProperty("lotNumber").GetString());
    }

    [Fact]
    public async Task DosesQueuedInReverseOrder_TheSecondWaitsForTheFirst_BothApplied()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));

        var second = await _client.SendQueuedEventAsync(_vrs, _secret, Dose(id, 2, "2021-06-22"));
        await Task.Delay(500);
        var first = await _client.SendQueuedEventAsync(_vrs, _secret, Dose(id, 1, "2021-06-01"));
        var outcomes = new[] { await _client.AwaitOutcomeAsync(second.Location!, _vrs), await _client.AwaitOutcomeAsync(first.Location!, _vrs) };
        var subject = await Subject(id);

        Assert.All(outcomes, o => Assert.Equal("applied", o.Body.GetProperty("result").GetString()));
        Assert.Equal([1, 2], subject.GetProperty("doses").EnumerateArray().Select(d => d.GetProperty("doseNumber").GetInt32()).Order());
    }

    [Fact]
    public async Task QueuedEventDeliveredTwice_IsAppliedOnce_AndTheReplayIsMarked()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        var evt = Dose(id, 1, "2021-06-01");

        var first = await _client.SendQueuedEventAsync(_vrs, _secret, evt);
        var again = await _client.SendQueuedEventAsync(_vrs, _secret, evt);
        var outcome = await _client.AwaitOutcomeAsync(first.Location!, _vrs);
        var afterwards = await _client.SendQueuedEventAsync(_vrs, _secret, evt);

        Assert.Equal(202, again.Status);
        Assert.True(again.Body.GetProperty("replayed").GetBoolean());
        Assert.Equal("applied", outcome.Body.GetProperty("result").GetString());
        Assert.Equal(200, afterwards.Status);
        Assert.True(afterwards.Body.GetProperty("replayed").GetBoolean());
        Assert.Single((await Subject(id)).GetProperty("doses").EnumerateArray());
    }

    [Fact]
    public async Task QueuedEventForAConfirmedSubject_IsRefusedWith409InItsStatus_AndKeptForReview()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await _client.SendEventAsync(_vrs, _secret, Registered(id, ticket));
        await _client.SendAsync(HttpMethod.Put, $"api/municipalities/012041/subjects/{id}/confirmation", _staff);

        var queued = await _client.SendQueuedEventAsync(_vrs, _secret, Dose(id, 1, "2021-06-01"));
        var outcome = await _client.AwaitOutcomeAsync(queued.Location!, _vrs);
        var review = await _client.GetAsync("api/municipalities/012041/review-items", _staff);

        Assert.Equal(202, queued.Status);
        Assert.Equal(200, outcome.Status);
        Assert.Equal("refused", outcome.Body.GetProperty("result").GetString());
        Assert.Equal(409, outcome.Body.GetProperty("status").GetInt32());
        Assert.Equal("subject.confirmed", outcome.Body.GetProperty("code").GetString());
        Assert.Contains(review.Body.EnumerateArray(), item => item.GetProperty("eventId").GetString() == queued.Body.GetProperty("eventId").GetString());
        Assert.Empty((await Subject(id)).GetProperty("doses").EnumerateArray());
    }

    [Fact]
    public async Task InvalidEvent_WithRespondAsync_IsRefusedAtOnce_AndNothingIsOnRecord()
    {
        var evt = Dose(NewSubjectId(), 1, "2999-01-01");

        var refused = await _client.SendQueuedEventAsync(_vrs, _secret, evt);
        var eventId = JsonSerializer.SerializeToElement(evt).GetProperty("eventId").GetString();
        var status = await _client.GetAsync($"api/municipalities/012041/vrs/events/{eventId}", _vrs);

        Assert.Equal(400, refused.Status);
        Assert.Null(refused.Location);
        Assert.Equal(404, status.Status);
        Assert.Equal("not_found", status.Body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task SiteCaller_QueuedDoseByTicket_SeesItsOutcomeWithoutSubjectId_ButNotEventsVrsSent()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        var registered = await _client.SendQueuedEventAsync(_vrs, _secret, Registered(id, ticket));
        await _client.AwaitOutcomeAsync(registered.Location!, _vrs);

        var queued = await _client.SendQueuedEventAsync(_site, _secret, DoseByTicket(ticket, 1, "2021-06-01"));
        var outcome = await _client.AwaitOutcomeAsync(queued.Location!, _site);
        var vrsEvent = await _client.GetAsync(registered.Location!.TrimStart('/'), _site);
        var withMyNumber = await _client.SendQueuedEventAsync(_site, _secret, Registered(NewSubjectId(), NewTicket()));

        Assert.Equal(202, queued.Status);
        Assert.Equal("applied", outcome.Body.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, outcome.Body.GetProperty("subjectId").ValueKind);
        Assert.Equal(404, vrsEvent.Status);
        Assert.Equal(403, withMyNumber.Status);
        Assert.Equal("site.my_number_forbidden", withMyNumber.Body.GetProperty("code").GetString());
    }

    private async Task<JsonElement> Subject(string id)
    {
        var (status, body) = await _client.GetAsync($"api/municipalities/012041/subjects/{id}", _staff);
        Assert.Equal(200, status);
        return body;
    }
}
