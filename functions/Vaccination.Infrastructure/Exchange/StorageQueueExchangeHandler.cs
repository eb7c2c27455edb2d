using System.Text.Json;
using Vaccination.Application.Exchange;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Handles one Storage queue message for both hosts (the self-host's hosted consumer and the queue-triggered function):
/// delivers it, and puts a poisoned message on the poison queue with its reason. Returns normally when the message may be
/// removed; throws when it should be delivered again. So the Functions runtime never moves a message by itself, and every
/// poison entry carries a reason.
/// </summary>
public sealed class StorageQueueExchangeHandler(ExchangeDelivery delivery, StorageQueueExchangeQueues queues, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(string body, long dequeueCount, CancellationToken cancellationToken)
    {
        var result = await delivery.DeliverAsync(body, (int)Math.Min(dequeueCount, int.MaxValue), cancellationToken);
        if (result.Poisoned)
        {
            var poisoned = new PoisonedExchangeMessage(result.Reason!, result.Description!, clock.GetUtcNow(), dequeueCount, body);
            await queues.Poison.SendMessageAsync(JsonSerializer.Serialize(poisoned, Json), cancellationToken);
        }
    }
}
