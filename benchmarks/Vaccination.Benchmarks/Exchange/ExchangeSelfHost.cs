using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vaccination.Benchmarks.Exchange;

/// <summary>
/// The real self-host as its own process on a free loopback port, with the exchange callback pointed at the
/// benchmark's listener; warnings-only logging, its console output drained and dropped.
/// </summary>
internal sealed class ExchangeSelfHost : IDisposable
{
    private readonly Process _process;

    private ExchangeSelfHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ExchangeSelfHost> StartAsync(string storageConnectionString, string prefix, string keyFile, Uri callback)
    {
        var port = FreePort();
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
                ["Storage__NamePrefix"] = prefix,
                ["Keys__DevelopmentKeyFile"] = keyFile,
                ["Exchange__CallbackUrl"] = callback.ToString(),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Vaccination.SelfHost.dll"));
        var host = new ExchangeSelfHost(Process.Start(start) ?? throw new InvalidOperationException("Could not start the self-host."),
            new Uri($"http://127.0.0.1:{port}/"));
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
    }
}
