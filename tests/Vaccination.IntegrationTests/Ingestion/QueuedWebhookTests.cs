using System.Text.Json;
using Vaccination.IntegrationTests.Environment;
using static Vaccination.IntegrationTests.Ingestion.VrsEvents;

namespace Vaccination.IntegrationTests.Ingestion;

/// <summary>Events sent with "Prefer: respond-async": answered 202 once stored and queued, applied by the self-host's in-process workers.</summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class QueuedWebhookTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private WebhookCallers _callers = null!;
    private byte[] _secret = null!;

    private WebhookClient Client => _callers.Client;

    public async Task InitializeAsync()
    {
        _callers = await WebhookCallers.CreateAsync(environment);
        _secret = _callers.SecretBytes;
    }

    public Task DisposeAsync()
    {
        _callers.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RegistrationAndDose_Queued_Are202WithStatusUrls_ThenApplied_AndTheDoseIsStored()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());

        var registered = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, Registered(id, ticket));
        var dose = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, Dose(id, 1, "2021-06-01"));
        var registration = await Client.AwaitOutcomeAsync(registered.Location!, _callers.Vrs);
        var recorded = await Client.AwaitOutcomeAsync(dose.Location!, _callers.Vrs);
        var subject = await _callers.SubjectAsync(id);

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
        await Client.SendEventAsync(_callers.Vrs, _secret, Registered(id, ticket));

        var second = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, Dose(id, 2, "2021-06-22"));
        await Task.Delay(500);
        var first = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, Dose(id, 1, "2021-06-01"));
        var outcomes = new[] { await Client.AwaitOutcomeAsync(second.Location!, _callers.Vrs), await Client.AwaitOutcomeAsync(first.Location!, _callers.Vrs) };
        var subject = await _callers.SubjectAsync(id);

        Assert.All(outcomes, o => Assert.Equal("applied", o.Body.GetProperty("result").GetString()));
        Assert.Equal([1, 2], subject.GetProperty("doses").EnumerateArray().Select(d => d.GetProperty("doseNumber").GetInt32()).Order());
    }

    [Fact]
    public async Task QueuedEventDeliveredTwice_IsAppliedOnce_AndTheReplayIsMarked()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await Client.SendEventAsync(_callers.Vrs, _secret, Registered(id, ticket));
        var evt = Dose(id, 1, "2021-06-01");

        var first = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, evt);
        var again = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, evt);
        var outcome = await Client.AwaitOutcomeAsync(first.Location!, _callers.Vrs);
        var afterwards = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, evt);

        // The self-host's workers may have applied the first copy before the second arrives: 202 while it waits, 200 after.
        Assert.Contains(again.Status, new[] { 202, 200 });
        Assert.True(again.Body.GetProperty("replayed").GetBoolean());
        Assert.Equal("applied", outcome.Body.GetProperty("result").GetString());
        Assert.Equal(200, afterwards.Status);
        Assert.True(afterwards.Body.GetProperty("replayed").GetBoolean());
        Assert.Single((await _callers.SubjectAsync(id)).GetProperty("doses").EnumerateArray());
    }

    [Fact]
    public async Task QueuedEventForAConfirmedSubject_IsRefusedWith409InItsStatus_AndKeptForReview()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        await Client.SendEventAsync(_callers.Vrs, _secret, Registered(id, ticket));
        await Client.SendAsync(HttpMethod.Put, $"api/municipalities/012041/subjects/{id}/confirmation", _callers.Staff);

        var queued = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, Dose(id, 1, "2021-06-01"));
        var outcome = await Client.AwaitOutcomeAsync(queued.Location!, _callers.Vrs);
        var review = await Client.GetAsync("api/municipalities/012041/review-items", _callers.Staff);

        Assert.Equal(202, queued.Status);
        Assert.Equal(200, outcome.Status);
        Assert.Equal("refused", outcome.Body.GetProperty("result").GetString());
        Assert.Equal(409, outcome.Body.GetProperty("status").GetInt32());
        Assert.Equal("subject.confirmed", outcome.Body.GetProperty("code").GetString());
        Assert.Contains(review.Body.EnumerateArray(), item => item.GetProperty("eventId").GetString() == queued.Body.GetProperty("eventId").GetString());
        Assert.Empty((await _callers.SubjectAsync(id)).GetProperty("doses").EnumerateArray());
    }

    [Fact]
    public async Task InvalidEvent_WithRespondAsync_IsRefusedAtOnce_AndNothingIsOnRecord()
    {
        var evt = Dose(NewSubjectId(), 1, "2999-01-01");

        var refused = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, evt);
        var eventId = JsonSerializer.SerializeToElement(evt).GetProperty("eventId").GetString();
        var status = await Client.GetAsync($"api/municipalities/012041/vrs/events/{eventId}", _callers.Vrs);

        Assert.Equal(400, refused.Status);
        Assert.Null(refused.Location);
        Assert.Equal(404, status.Status);
        Assert.Equal("not_found", status.Body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task SiteCaller_QueuedDoseByTicket_SeesItsOutcomeWithoutSubjectId_ButNotEventsVrsSent()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        var registered = await Client.SendQueuedEventAsync(_callers.Vrs, _secret, Registered(id, ticket));
        await Client.AwaitOutcomeAsync(registered.Location!, _callers.Vrs);

        var queued = await Client.SendQueuedEventAsync(_callers.Site, _secret, DoseByTicket(ticket, 1, "2021-06-01"));
        var outcome = await Client.AwaitOutcomeAsync(queued.Location!, _callers.Site);
        var vrsEvent = await Client.GetAsync(registered.Location!.TrimStart('/'), _callers.Site);
        var withMyNumber = await Client.SendQueuedEventAsync(_callers.Site, _secret, Registered(NewSubjectId(), NewTicket()));

        Assert.Equal(202, queued.Status);
        Assert.Equal("applied", outcome.Body.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, outcome.Body.GetProperty("subjectId").ValueKind);
        Assert.Equal(404, vrsEvent.Status);
        Assert.Equal(403, withMyNumber.Status);
        Assert.Equal("site.my_number_forbidden", withMyNumber.Body.GetProperty("code").GetString());
    }
}
