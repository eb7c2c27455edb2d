using System.Text.Json;
using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Retention;

/// <summary>Retention work on a storage queue (Base64 JSON), consumed by the Functions queue trigger or the self-host pump.</summary>
public sealed class StorageRetentionWorkSender(StorageQueues queues, string queueName) : IRetentionWorkSender
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string QueueName => queueName;

    public async Task EnqueueAsync(RetentionWorkItem item, CancellationToken cancellationToken) =>
        await queues.Get(queueName).SendMessageAsync(JsonSerializer.Serialize(item, Json), cancellationToken);
}
