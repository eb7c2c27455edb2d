using Vaccination.Application.Ingestion;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Applies the VRS events accepted with "Prefer: respond-async", from the ingestion queue.</summary>
internal sealed class QueuedEventConsumer(StorageQueues queues, StorageQueuedEventSender ingestionQueue, QueuedEventApplier applier, ILogger<QueuedEventConsumer> logger)
    : StorageQueuePump(queues, ingestionQueue.QueueName, logger)
{
    protected override Task HandleAsync(string message, CancellationToken cancellationToken) =>
        applier.ApplyAsync(StorageQueuedEventSender.Read(message), cancellationToken);
}
