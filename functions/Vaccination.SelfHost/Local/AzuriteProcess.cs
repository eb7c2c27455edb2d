using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vaccination.SelfHost.Local;

/// <summary>
/// Azurite, the storage emulator, from the repository's pinned npm package: installed with `npm ci` when missing,
/// started in memory on free loopback ports with telemetry disabled, and killed (with its children) on dispose.
/// Given a location folder it keeps its data on disk instead (`--location`, which cannot be combined with
/// `--inMemoryPersistence`), so that <see cref="StopAsync"/> and a new start on the same ports and folder behave like
/// an outage of the storage service rather than the loss of an account.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    /// <summary>Azurite's documented, public development account key (not a secret).</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public bool HasExited => _process.HasExited;

    /// <summary>Starts Azurite in memory on the given ports (0 = pick free ones) and waits until it accepts connections.</summary>
    public static Task<AzuriteProcess> StartAsync(int blobPort = 0, int queuePort = 0, int tablePort = 0, CancellationToken cancellationToken = default) =>
        StartAsync(location: null, blobPort, queuePort, tablePort, cancellationToken);

    /// <summary>
    /// Starts Azurite on the given ports (0 = pick free ones), persisting to <paramref name="location"/> when it is given
    /// (in memory otherwise), and waits until it accepts connections.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(
        string? location, int blobPort = 0, int queuePort = 0, int tablePort = 0, CancellationToken cancellationToken = default)
    {
        var root = FindRepositoryRoot();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await InstallAsync(root, cancellationToken);
        }

        blobPort = blobPort == 0 ? FreePort() : blobPort;
        queuePort = queuePort == 0 ? FreePort() : queuePort;
        tablePort = tablePort == 0 ? FreePort() : tablePort;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(location);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        foreach (var argument in new[]
                 {
                     "--silent", "--disableTelemetry", "--skipApiVersionCheck",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", $"{blobPort}", "--queuePort", $"{queuePort}", "--tablePort", $"{tablePort}",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, blobPort, queuePort, tablePort);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Dispose();
        await azurite.WaitUntilListeningAsync(cancellationToken);
        return azurite;
    }

    /// <summary>
    /// Stops Azurite as an operator would (SIGTERM), so that a persistent instance writes its data out before it exits;
    /// kills it if it has not exited after <paramref name="timeout"/> (10 s by default).
    /// </summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", $"{_process.Id}" }, UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
            }
        }

        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
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
            // Already gone.
        }

        _process.Dispose();
    }

    /// <summary>The folder holding the package.json that pins Azurite, searched upwards from here and from the app.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("No package.json pinning azurite was found above the working directory.");
    }

    private static async Task InstallAsync(string root, CancellationToken cancellationToken)
    {
        var install = new ProcessStartInfo("npm") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--ignore-scripts" })
        {
            install.ArgumentList.Add(argument);
        }

        using var process = Process.Start(install) ?? throw new InvalidOperationException("Could not run npm to install Azurite.");
        var output = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed ({process.ExitCode}): {await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} while starting.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }
}
