using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vaccination.Benchmarks.Ingestion;

/// <summary>The real self-host as its own process on a free loopback port, on the benchmark's Azurite; output drained and dropped.</summary>
internal sealed class IngestionSelfHost : IDisposable
{
    private readonly Process _process;
    private readonly string _keyFolder;

    private IngestionSelfHost(Process process, Uri baseAddress, string keyFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        _keyFolder = keyFolder;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public static async Task<IngestionSelfHost> StartAsync(string storageConnectionString)
    {
        var port = FreePort();
        var keyFolder = Directory.CreateTempSubdirectory("bench-ingestion-keys").FullName;
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
                ["Storage__NamePrefix"] = "BenchIng",
                ["Keys__DevelopmentKeyFile"] = Path.Combine(keyFolder, "keys.json"),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Vaccination.SelfHost.dll"));
        var host = new IngestionSelfHost(Process.Start(start) ?? throw new InvalidOperationException("Could not start the self-host."), new Uri($"http://127.0.0.1:{port}/"), keyFolder);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            try
            {
                using var response = await client.GetAsync(new Uri("api/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }

        host.Dispose();
        throw new TimeoutException("The self-host did not become healthy.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_keyFolder, recursive: true);
    }
}
