namespace Vaccination.Infra.Tests.Bicep;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored with this project; the binary is
/// tools/bicep in the package folder). NuGet does not keep the executable bit, so it is set here.
/// </summary>
internal sealed class BicepCli
{
    public const string PackageId = "azure.bicep.commandline.linux-x64";
    public const string PackageVersion = "0.49.2";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private BicepCli(string executablePath) => ExecutablePath = executablePath;

    public string ExecutablePath { get; }

    public static BicepCli Locate()
    {
        var candidates = new List<string>();
        if (TestEnvironment.BicepPackageFolder.Length > 0)
        {
            candidates.Add(TestEnvironment.BicepPackageFolder);
        }

        var packagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        candidates.Add(Path.Combine(packagesRoot, PackageId, PackageVersion));

        var executable = candidates
            .Select(folder => Path.Combine(folder, "tools", OperatingSystem.IsWindows() ? "bicep.exe" : "bicep"))
            .FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The Bicep CLI was not found in {string.Join(" or ", candidates)}; restore tests/Vaccination.Infra.Tests.");

        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode executeBits = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            var mode = File.GetUnixFileMode(executable);
            if ((mode & executeBits) != executeBits)
            {
                File.SetUnixFileMode(executable, mode | executeBits);
            }
        }

        return new BicepCli(executable);
    }

    public Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments) =>
        CommandRunner.RunAsync(ExecutablePath, arguments, workingDirectory, Timeout);
}
