using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Vaccination.Api.DependencyInjection;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.UnitTests.Authentication;

public sealed class DevelopmentKeyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("devkeys").FullName;

    [Fact]
    public void LoadOrCreate_FirstRun_CreatesOwnerOnlyFileAndReusesIt()
    {
        var path = Path.Combine(_folder, "nested", "keys.json");

        var first = DevelopmentKeyFile.LoadOrCreate(path);
        var second = DevelopmentKeyFile.LoadOrCreate(path);

        Assert.Equal(first.KeyEncryptionKey, second.KeyEncryptionKey);
        Assert.Equal(32, first.KeyEncryptionKey.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void AddVaccinationApi_DevelopmentKeysInProduction_RefusesToStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:0:Code"] = "012041",
            ["Tenants:0:Name"] = "Asahikawa",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Keys:Provider"] = "DevelopmentFile",
            ["Auth:Authority"] = "https://login.microsoftonline.com/tenant/v2.0",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddVaccinationApi(configuration, new Environment("Production", _folder)));

        Assert.Contains("refused in Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddVaccinationApi_DevelopmentTokensInProduction_RefusesToStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tenants:0:Code"] = "012041",
            ["Tenants:0:Name"] = "Asahikawa",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Keys:Provider"] = "KeyVault",
            ["Keys:KeyVaultUri"] = "https://example-vault.vault.azure.net/",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000000",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddVaccinationApi(configuration, new Environment("Production", _folder)));

        Assert.Contains("Auth:Authority", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Environment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
