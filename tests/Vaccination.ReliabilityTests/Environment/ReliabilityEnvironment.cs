using System.Net;
using System.Net.Sockets;
using Vaccination.Benchmarks.Certificates;
using Vaccination.Benchmarks.Soak;
using Vaccination.SelfHost.Local;

namespace Vaccination.ReliabilityTests.Environment;

/// <summary>
/// One Azurite for the reliability tests that can be stopped and started again like a storage outage: it persists to a
/// temporary folder (<c>--location</c>, not in memory) on fixed loopback ports, so a restart keeps every acknowledged
/// write, as Azure Storage would after an outage. Each scenario starts its own self-host with its own table prefix, so
/// its counts and scans see only its own rows, queues and logs.
/// </summary>
public sealed class ReliabilityEnvironment : IAsyncLifetime
{
    private readonly string _location = Directory.CreateTempSubdirectory("reliability-azurite").FullName;
    private readonly List<SoakHost> _hosts = [];
    private readonly Dictionary<string, Task<SoakHost>> _shared = new(StringComparer.Ordinal);
    private readonly int _blobPort = FreePort();
    private readonly int _queuePort = FreePort();
    private readonly int _tablePort = FreePort();
    private AzuriteProcess? _azurite;

    internal BenchmarkCardIssuer Cards { get; } = new();

    public string ConnectionString => _azurite!.ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(_location, _blobPort, _queuePort, _tablePort);

    /// <summary>A new self-host process on this Azurite with a fresh table prefix, stopped with the environment.</summary>
    internal async Task<SoakHost> StartHostAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = await SoakHost.StartAsync(ConnectionString, "r" + Guid.NewGuid().ToString("N")[..10], Cards.RootBase64, settings);
        lock (_hosts)
        {
            _hosts.Add(host);
        }

        return host;
    }

    /// <summary>
    /// A new self-host process in place of one that crashed: the same tables (prefix) and the same key file, so it
    /// reads what its predecessor stored; <paramref name="settings"/> as for <see cref="StartHostAsync"/>.
    /// </summary>
    internal async Task<SoakHost> StartSuccessorAsync(SoakHost crashed, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Keys__DevelopmentKeyFile"] = crashed.KeyFile };
        var host = await SoakHost.StartAsync(ConnectionString, crashed.TablePrefix, Cards.RootBase64, all);
        lock (_hosts)
        {
            _hosts.Add(host);
        }

        return host;
    }

    /// <summary>One self-host shared by the tests that name the same key (their counts compare before and after each request).</summary>
    internal Task<SoakHost> SharedHostAsync(string key)
    {
        lock (_shared)
        {
            if (!_shared.TryGetValue(key, out var host))
            {
                _shared[key] = host = StartHostAsync();
            }

            return host;
        }
    }

    /// <summary>Stops Azurite (SIGTERM: it writes its data out first). Requests fail until <see cref="StartStorageAsync"/>.</summary>
    public Task StopStorageAsync() => _azurite!.StopAsync();

    /// <summary>Starts Azurite again on the same ports and folder.</summary>
    public async Task StartStorageAsync()
    {
        _azurite!.Dispose();
        _azurite = await AzuriteProcess.StartAsync(_location, _blobPort, _queuePort, _tablePort);
    }

    public Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _azurite?.Dispose();
        Cards.Dispose();
        Directory.Delete(_location, recursive: true);
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
