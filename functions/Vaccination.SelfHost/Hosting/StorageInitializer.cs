using Vaccination.Infrastructure.Storage;

namespace Vaccination.SelfHost.Hosting;

/// <summary>Creates the application's tables at start-up, before the host accepts requests.</summary>
internal sealed class StorageInitializer(StorageTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
