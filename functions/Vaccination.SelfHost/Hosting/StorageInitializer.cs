using Vaccination.Infrastructure.Storage;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Creates the application's tables and declared queues at start-up, before the host accepts requests.</summary>
internal sealed class StorageInitializer(StorageTables tables, StorageQueues queues, IEnumerable<QueueDeclaration> declaredQueues) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        await queues.EnsureCreatedAsync(declaredQueues.Select(q => q.Name).Distinct(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
