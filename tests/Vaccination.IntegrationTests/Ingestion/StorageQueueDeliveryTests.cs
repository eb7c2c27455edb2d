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
    public async Task DoseQueuedBeforeItsRegistration_WaitsOnTheStorageQueue_AndBothAreApplied()
    {
        var (id, ticket) = (NewSubjectId(), NewTicket());
        var queue = new QueueClient(environment.Azurite.ConnectionString, _host.TablePrefix.ToLowerInvariant() + "ingestion-events", StorageQueues.ClientOptions());

        var dose = await _callers.Client.SendQueuedEventAsync(_callers.Vrs, _callers.SecretBytes, Dose(id, 1, "2021-06-01"));
        var waitingOnTheQueue = await WaitForMessagesAsync(queue);
        var registered = await _callers.Client.SendQueuedEventAsync(_callers.Vrs, _callers.SecretBytes, Registered(id, ticket));
        var recorded = await _callers.Client.AwaitOutcomeAsync(dose.Location!, _callers.Vrs);
        var registration = await _callers.Client.AwaitOutcomeAsync(registered.Location!, _callers.Vrs);

        Assert.Equal((202, 202), (dose.Status, registered.Status));
        Assert.True(waitingOnTheQueue, "The dose's retry never showed on the ingestion queue: the events did not go through it.");
        Assert.Equal("applied", registration.Body.GetProperty("result").GetString());
        Assert.Equal("applied", recorded.Body.GetProperty("result").GetString());
        Assert.Single((await _callers.SubjectAsync(id)).GetProperty("doses").EnumerateArray());
    }

    /// <summary>
    /// Whether the queue holds a message within 5 seconds: the dose, refused "subject.unknown" on its first try, is put
    /// back with a delay (the count includes messages not yet visible). In-process delivery never writes to the queue.
    /// </summary>
    private static async Task<bool> WaitForMessagesAsync(QueueClient queue)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(5); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
            {
                return true;
            }
        }

        return false;
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
