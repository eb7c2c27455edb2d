namespace Vaccination.Application.Exchange;

/// <summary>
/// What a consumer does with a received message: remove it (handled, or a duplicate), or move it to the poison queue /
/// dead-letter queue with <see cref="Reason"/> and <see cref="Description"/> (stable codes, never personal data).
/// </summary>
public sealed record DeliveryResult(bool Poisoned, string? Reason, string? Description)
{
    public static DeliveryResult Handled { get; } = new(false, null, null);

    public static DeliveryResult Poison(string reason, string description) => new(true, reason, description);
}
