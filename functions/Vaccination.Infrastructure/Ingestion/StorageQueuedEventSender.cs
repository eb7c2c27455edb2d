using System.Text.Json;
using Vaccination.Application.Ingestion;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>Queued VRS events' work items on a storage queue (Base64 JSON), consumed by the Functions queue trigger or the self-host pump.</summary>
public sealed class StorageQueuedEventSender(StorageQueues queues, string queueName) : IQueuedEventSender
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string QueueName => queueName;

    public async Task EnqueueAsync(QueuedEventWork work, TimeSpan delay, CancellationToken cancellationToken) =>
        await queues.Get(queueName).SendMessageAsync(
            JsonSerializer.Serialize(work, Json), visibilityTimeout: delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken);

    public static QueuedEventWork Read(string message) =>
        JsonSerializer.Deserialize<QueuedEventWork>(message, Json) ?? throw new JsonException("Empty queued-event work item.");
}
