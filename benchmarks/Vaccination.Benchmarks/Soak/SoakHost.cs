using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vaccination.Benchmarks.Soak;

/// <summary>
/// The real self-host as its own process on a free loopback port, as the soak and the reliability tests drive it: its
/// process id (to sample memory and handles), its table prefix and key file, and every line it logs (kept for the scans
/// for personal values; at most <see cref="MaxLogLines"/>, counted beyond that).
/// </summary>
internal sealed class SoakHost : IDisposable
{
    public const int MaxLogLines = 2_000_000;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly string _keyFolder;
    private int _logLines;

    private SoakHost(Process process, Uri baseAddress, string keyFolder, string tablePrefix)
    {
        _process = process;
        BaseAddress = baseAddress;
        _keyFolder = keyFolder;
        TablePrefix = tablePrefix;
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string TablePrefix { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string KeyFile => Path.Combine(_keyFolder, "keys.json");

    /// <summary>Lines logged beyond <see cref="MaxLogLines"/> (not kept).</summary>
    public int DroppedLogLines => Math.Max(0, Volatile.Read(ref _logLines) - MaxLogLines);

    public IReadOnlyCollection<string> Logs => _logs;

    /// <summary>
    /// Starts the self-host in Development with its own key file, table prefix and card trust anchor;
    /// <paramref name="settings"/> adds or overrides environment settings (e.g. "Exchange__MaxDeliveries").
    /// </summary>
    public static async Task<SoakHost> StartAsync(
        string storageConnectionString, string tablePrefix, string cardTrustAnchor, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var keyFolder = Directory.CreateTempSubdirectory("soak-selfhost-keys").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["Storage__ConnectionString"] = storageConnectionString,
                ["Storage__NamePrefix"] = tablePrefix,
                ["Keys__DevelopmentKeyFile"] = Path.Combine(keyFolder, "keys.json"),
                ["Certificates__Issuer"] = $"http://127.0.0.1:{port}/api",
                ["Certificates__CardTrustAnchors__0"] = cardTrustAnchor,
                ["Logging__LogLevel__Default"] = "Information",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
                ["Logging__Console__FormatterName"] = "simple",
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Vaccination.SelfHost.dll"));
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the self-host.");
        var host = new SoakHost(process, new Uri($"http://127.0.0.1:{port}/"), keyFolder, tablePrefix);
        try
        {
            await host.WaitUntilHealthyAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    public HttpClient CreateClient(int maxConnections = 64) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };

    /// <summary>Kills the process at once (SIGKILL: a crash, nothing stopped in order); its key file stays for a successor.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _process.Dispose();
        Directory.Delete(_keyFolder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Capture(string? line)
    {
        if (line is not null && Interlocked.Increment(ref _logLines) <= MaxLogLines)
        {
            _logs.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The self-host exited ({_process.ExitCode}):\n{string.Join('\n', _logs)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }
        }

        throw new TimeoutException($"The self-host did not become healthy:\n{string.Join('\n', _logs)}");
    }
}
