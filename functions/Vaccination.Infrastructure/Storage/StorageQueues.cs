using System.Text.Json;
using Azure.Storage.Queues;

namespace Vaccination.Infrastructure.Storage;

/// <summary>
/// The application's storage queues, from one service client. Messages are Base64-encoded, as the Functions
/// queue trigger expects; each queue has its "-poison" twin where messages land after five failed tries.
/// </summary>
public sealed class StorageQueues(QueueServiceClient service, string namePrefix)
{
    public const int MaxDequeueCount = 5;

    /// <summary>How work items are written to and read from the queues (JSON, web defaults).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public QueueClient Get(string queueName) => service.GetQueueClient(namePrefix + queueName);

    public QueueClient Poison(string queueName) => Get(queueName + "-poison");

    /// <summary>Sends a work item as JSON, visible after <paramref name="delay"/> (at once when null or zero).</summary>
    public async Task SendAsync<T>(string queueName, T item, TimeSpan? delay, CancellationToken cancellationToken) =>
        await Get(queueName).SendMessageAsync(
            JsonSerializer.Serialize(item, Json), visibilityTimeout: delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken);

    /// <summary>Reads a work item sent by <see cref="SendAsync"/>.</summary>
    public static T Read<T>(string message) =>
        JsonSerializer.Deserialize<T>(message, Json) ?? throw new JsonException($"Empty {typeof(T).Name} work item.");

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
