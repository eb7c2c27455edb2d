using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vaccination.Benchmarks.Certificates;

/// <summary>
/// The real self-host as its own process on a free loopback port (as <c>dotnet run</c> would run it), with the
/// benchmark's card trust anchor and issuer URL; its console output is drained and dropped.
/// </summary>
internal sealed class BenchmarkSelfHost : IDisposable
{
    private readonly Process _process;
    private readonly string _keyFolder;

    private BenchmarkSelfHost(Process process, Uri baseAddress, string keyFolder)
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

    public static async Task<BenchmarkSelfHost> StartAsync(string storageConnectionString, string trustAnchor)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var keyFolder = Directory.CreateTempSubdirectory("bench-selfhost-keys").FullName;
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
                ["Storage__NamePrefix"] = "Bench",
                ["Keys__DevelopmentKeyFile"] = Path.Combine(keyFolder, "keys.json"),
                ["Certificates__Issuer"] = $"http://127.0.0.1:{port}/api",
                ["Certificates__CardTrustAnchors__0"] = trustAnchor,
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Vaccination.SelfHost.dll"));
        var host = new BenchmarkSelfHost(Process.Start(start) ?? throw new InvalidOperationException("Could not start the self-host."), new Uri($"http://127.0.0.1:{port}/"), keyFolder);
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
