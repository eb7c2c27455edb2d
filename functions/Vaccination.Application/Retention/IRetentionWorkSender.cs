namespace Vaccination.Application.Retention;

/// <summary>Sends retention work to the durable queue that carries it, one item per tenant and task.</summary>
public interface IRetentionWorkSender
{
    Task EnqueueAsync(RetentionWorkItem item, CancellationToken cancellationToken);
}
