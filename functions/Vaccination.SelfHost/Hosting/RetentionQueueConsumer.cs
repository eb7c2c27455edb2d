using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Retention;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Consumes retention work items (sweeps and approved erasures) from the retention queue.</summary>
internal sealed class RetentionQueueConsumer(StorageQueues queues, StorageRetentionWorkSender retentionQueue, RetentionSweepService sweeps, ILogger<RetentionQueueConsumer> logger)
    : StorageQueuePump(queues, retentionQueue.QueueName, logger)
{
    protected override Task HandleAsync(string message, CancellationToken cancellationToken) =>
        sweeps.HandleAsync(StorageRetentionWorkSender.Read(message), cancellationToken);
}
