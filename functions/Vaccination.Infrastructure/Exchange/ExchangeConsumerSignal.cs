namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Wakes this instance's idle Storage Queue consumer when this instance has just sent a message, so a local round trip
/// does not wait for the next poll. Other instances still find the message by polling.
/// </summary>
public sealed class ExchangeConsumerSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits until notified or until <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
