namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// What the Storage poison queue holds: why the message was given up, when, after how many deliveries, and the original
/// envelope unchanged (its payload still encrypted). Storage queue messages have no properties, so the reason travels here.
/// </summary>
public sealed record PoisonedExchangeMessage(string Reason, string Description, DateTimeOffset PoisonedAt, long DeliveryCount, string Message);
