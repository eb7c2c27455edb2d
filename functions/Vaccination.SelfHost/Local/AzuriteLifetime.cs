namespace Vaccination.SelfHost.Local;

/// <summary>Stops the embedded Azurite when the host stops (Ctrl+C), so no process is left behind.</summary>
internal sealed partial class AzuriteLifetime(AzuriteProcess azurite, ILogger<AzuriteLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogListening(logger, azurite.TablePort, azurite.QueuePort, azurite.BlobPort);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        azurite.Dispose();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded Azurite listening on 127.0.0.1 (tables {TablePort}, queues {QueuePort}, blobs {BlobPort})")]
    private static partial void LogListening(ILogger logger, int tablePort, int queuePort, int blobPort);
}
