using Vaccination.Application.Ingestion;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>Queued VRS events' work items on a storage queue (Base64 JSON), consumed by the Functions queue trigger or the self-host pump.</summary>
public sealed class StorageQueuedEventSender(StorageQueues queues, string queueName) : IQueuedEventSender
{
    public string QueueName => queueName;

    public Task EnqueueAsync(QueuedEventWork work, TimeSpan delay, CancellationToken cancellationToken) =>
        queues.SendAsync(queueName, work, delay, cancellationToken);

    public static QueuedEventWork Read(string message) => StorageQueues.Read<QueuedEventWork>(message);
}
