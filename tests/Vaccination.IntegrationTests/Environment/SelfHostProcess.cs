using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vaccination.IntegrationTests.Environment;

/// <summary>
/// The real self-host, run as its own process on a free loopback port (as the README's run command runs it),
/// with everything it writes to stdout and stderr captured so tests can scan the logs.
/// </summary>
public sealed class SelfHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _keyFolder;

    private SelfHostProcess(Process process, Uri baseAddress, string keyFolder, string tablePrefix)
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

    public string KeyFile => Path.Combine(_keyFolder, "keys.json");

    /// <summary>Everything the process logged so far.</summary>
    public string CapturedLogs => string.Join('\n', _output);

    /// <summary>Starts the self-host on the tests' Azurite; <paramref name="settings"/> adds or overrides environment settings.</summary>
    public static async Task<SelfHostProcess> StartAsync(string storageConnectionString, string tablePrefix, IReadOnlyDictionary<string, string>? settings = null)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Vaccination.SelfHost.dll");
        var port = FreePort();
        var keyFolder = Directory.CreateTempSubdirectory("selfhost-keys").FullName;
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
                ["Certificates__CardTrustAnchors__0"] = TestCardIssuer.Shared.RootCertificateBase64,
                ["Logging__LogLevel__Default"] = "Information",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
                ["Logging__Console__FormatterName"] = "simple",
            },
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(assembly);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the self-host.");
        var host = new SelfHostProcess(process, new Uri($"http://127.0.0.1:{port}/"), keyFolder, tablePrefix);
        await host.WaitUntilHealthyAsync();
        return host;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

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

    private void Capture(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The self-host exited ({_process.ExitCode}):\n{CapturedLogs}");
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

            await Task.Delay(200);
        }

        throw new TimeoutException($"The self-host did not become healthy:\n{CapturedLogs}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
