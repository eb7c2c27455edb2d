using Microsoft.Extensions.Hosting;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Functions.Operations;

/// <summary>Creates the application's tables when the worker starts.</summary>
internal sealed class StorageInitializer(StorageTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
