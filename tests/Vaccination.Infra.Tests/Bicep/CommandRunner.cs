using System.Diagnostics;

namespace Vaccination.Infra.Tests.Bicep;

/// <summary>Runs a command to completion, capturing its output, with a time limit.</summary>
internal static class CommandRunner
{
    /// <summary>Variables the parameter files read (azd's environment); cleared so every run compiles the same values.</summary>
    private static readonly string[] ClearedVariables = ["AZURE_ENV_NAME", "AZURE_LOCATION", "VACCINATION_NETWORK_ISOLATION"];

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var variable in ClearedVariables)
        {
            startInfo.Environment.Remove(variable);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var command = $"{Path.GetFileName(fileName)} {string.Join(' ', startInfo.ArgumentList)}";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {command}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish within {timeout}.");
        }

        return new ProcessResult(command, process.ExitCode, await standardOutput, await standardError);
    }
}
