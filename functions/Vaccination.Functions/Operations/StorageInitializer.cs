using Microsoft.Extensions.Hosting;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Functions.Operations;

/// <summary>Creates the application's tables and declared queues when the worker starts.</summary>
internal sealed class StorageInitializer(StorageTables tables, StorageQueues queues, IEnumerable<QueueDeclaration> declaredQueues) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        await queues.EnsureCreatedAsync(declaredQueues.Select(q => q.Name).Distinct(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
