namespace Vaccination.Infra.Tests.Bicep;

/// <summary>How a command ended: its exit code and everything it printed.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    public override string ToString() => $"{Command} exited {ExitCode}\n{Output}";
}
