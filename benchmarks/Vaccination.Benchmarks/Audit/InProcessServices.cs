using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Vaccination.Infrastructure.DependencyInjection;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Benchmarks.Audit;

/// <summary>
/// The application's real service graph (<c>AddVaccinationServices</c>, as both hosts register it) in this process,
/// on the given Azurite, with a throw-away development key file and the three default tenants; no HTTP in between.
/// </summary>
internal sealed class InProcessServices : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-services").FullName;

    private InProcessServices(ServiceProvider provider) => Provider = provider;

    public ServiceProvider Provider { get; }

    public static async Task<InProcessServices> StartAsync(string connectionString, string prefix)
    {
        var folder = Directory.CreateTempSubdirectory("bench-keys").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:NamePrefix"] = prefix,
            ["Keys:Provider"] = "DevelopmentFile",
            ["Keys:DevelopmentKeyFile"] = Path.Combine(folder, "keys.json"),
            ["Tenants:0:Code"] = "012041",
            ["Tenants:0:Name"] = "Asahikawa",
            ["Tenants:0:Prefecture"] = "Hokkaido",
            ["Tenants:0:RetentionYears"] = "20",
            ["Tenants:1:Code"] = "011002",
            ["Tenants:1:Name"] = "Sapporo",
            ["Tenants:1:Prefecture"] = "Hokkaido",
            ["Tenants:1:RetentionYears"] = "5",
        }).Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = Environments.Development,
            ApplicationName = "Vaccination.Benchmarks",
            ContentRootPath = folder,
            ContentRootFileProvider = new NullFileProvider(),
        };
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddVaccinationServices(configuration, environment);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageTables>().EnsureCreatedAsync();
        return new InProcessServices(provider);
    }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public void Dispose()
    {
        Provider.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
