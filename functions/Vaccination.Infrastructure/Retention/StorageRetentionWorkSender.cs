using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Retention;

/// <summary>Retention work on a storage queue (Base64 JSON), consumed by the Functions queue trigger or the self-host pump.</summary>
public sealed class StorageRetentionWorkSender(StorageQueues queues, string queueName) : IRetentionWorkSender
{
    public string QueueName => queueName;

    public Task EnqueueAsync(RetentionWorkItem item, CancellationToken cancellationToken) =>
        queues.SendAsync(queueName, item, delay: null, cancellationToken);

    public static RetentionWorkItem Read(string message) => StorageQueues.Read<RetentionWorkItem>(message);
}
