using Azure.Storage.Queues;

namespace Vaccination.Infrastructure.Storage;

/// <summary>
/// The application's storage queues, from one service client. Messages are Base64-encoded, as the Functions
/// queue trigger expects; each queue has its "-poison" twin where messages land after five failed tries.
/// </summary>
public sealed class StorageQueues(QueueServiceClient service, string namePrefix)
{
    public const int MaxDequeueCount = 5;

    public QueueClient Get(string queueName) => service.GetQueueClient(namePrefix + queueName);

    public QueueClient Poison(string queueName) => Get(queueName + "-poison");

    public async Task EnsureCreatedAsync(IEnumerable<string> queueNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queueNames);
        foreach (var name in queueNames)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Poison(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    /// <summary>Client options every queue client of the application uses: Base64 messages, like the Functions trigger.</summary>
    public static QueueClientOptions ClientOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };
}
