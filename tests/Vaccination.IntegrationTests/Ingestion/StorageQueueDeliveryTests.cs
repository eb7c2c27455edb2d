using Azure.Storage.Queues;
using Vaccination.Application.Ingestion;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.Infrastructure.Storage;
using Vaccination.IntegrationTests.Environment;
using static Vaccination.IntegrationTests.Ingestion.VrsEvents;

namespace Vaccination.IntegrationTests.Ingestion;

/// <summary>
/// The self-host with Ingestion__QueuedEventDelivery=StorageQueue applies queued events from the ingestion Storage
/// queue, as the Functions app does (the other queued-event tests run the default, in-process delivery).
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class StorageQueueDeliveryTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private SelfHostProcess _host = null!;
    private WebhookCallers _callers = null!;

    public async Task InitializeAsync()
    {
        _host = await SelfHostProcess.StartAsync(environment.Azurite.ConnectionString, IntegrationEnvironment.UniquePrefix(),
            new Dictionary<string, string> { ["Ingestion__QueuedEventDelivery"] = "StorageQueue" });
        _callers = await WebhookCallers.CreateAsync(_host);
    }

    public Task DisposeAsync()
    {
        _callers.Dispose();
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DoseQueuedBeforeItsRegistration_ThroughTheStorageQueue_WaitsForIt_AndBothAreApplied()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());

        var dose = await _callers.Client.SendQueuedEventAsync(_callers.Vrs, _callers.SecretBytes, Dose(id, 1, "2021-06-01"));
        var registered = await _callers.Client.SendQueuedEventAsync(_callers.Vrs, _callers.SecretBytes, Registered(id, ticket));
        var recorded = await _callers.Client.AwaitOutcomeAsync(dose.Location!, _callers.Vrs);
        var registration = await _callers.Client.AwaitOutcomeAsync(registered.Location!, _callers.Vrs);

        Assert.Equal((202, 202), (dose.Status, registered.Status));
        Assert.Equal("applied", registration.Body.GetProperty("result").GetString());
        Assert.Equal("applied", recorded.Body.GetProperty("result").GetString());
        Assert.Single((await _callers.SubjectAsync(id)).GetProperty("doses").EnumerateArray());
    }

    [Fact]
    public async Task WorkItemOnTheQueue_HoldsTheTenantEventIdAndTry_AndNothingElse()
    {
        var prefix = IntegrationEnvironment.UniquePrefix().ToLowerInvariant();
        var queues = new StorageQueues(new QueueServiceClient(environment.Azurite.ConnectionString, StorageQueues.ClientOptions()), prefix);
        await queues.EnsureCreatedAsync(["ingestion-events"]);
        var sender = new StorageQueuedEventSender(queues, "ingestion-events");

        await sender.EnqueueAsync(new QueuedEventWork("012041", "evt-raw-1", 2), TimeSpan.Zero, default);
        var raw = Assert.Single((await queues.Get("ingestion-events").PeekMessagesAsync(32)).Value);

        Assert.Equal("""{"municipalityCode":"012041","eventId":"evt-raw-1","attempt":2}""", raw.MessageText);
        Assert.Equal(new QueuedEventWork("012041", "evt-raw-1", 2), StorageQueuedEventSender.Read(raw.MessageText));
    }
}
