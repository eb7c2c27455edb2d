using Vaccination.SelfHost.Local;

namespace Vaccination.IntegrationTests.Environment;

/// <summary>
/// One Azurite for the whole test assembly, on free loopback ports, and one self-host process started on first use.
/// Each test isolates itself with its own table-name prefix.
/// </summary>
public sealed class IntegrationEnvironment : IAsyncLifetime
{
    private readonly SemaphoreSlim _selfHostLock = new(1, 1);
    private SelfHostProcess? _selfHost;

    public AzuriteProcess Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteProcess.StartAsync();

    /// <summary>The self-host, started once, with its own table prefix.</summary>
    public async Task<SelfHostProcess> GetSelfHostAsync()
    {
        await _selfHostLock.WaitAsync();
        try
        {
            return _selfHost ??= await SelfHostProcess.StartAsync(Azurite.ConnectionString, UniquePrefix());
        }
        finally
        {
            _selfHostLock.Release();
        }
    }

    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public Task DisposeAsync()
    {
        _selfHost?.Dispose();
        Azurite?.Dispose();
        _selfHostLock.Dispose();
        return Task.CompletedTask;
    }
}
