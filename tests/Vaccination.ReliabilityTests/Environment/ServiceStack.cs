using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Vaccination.Benchmarks.Soak;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.DependencyInjection;

namespace Vaccination.ReliabilityTests.Environment;

/// <summary>
/// The application's real services, built in the test process over a self-host's tables and key file: one stack is one
/// more instance of the app (its own caches), so two stacks handling the same message at once are two consumers at once.
/// Exchange messages it sends go to its own queue, which nothing consumes, so a test can take them and deliver them.
/// </summary>
internal sealed class ServiceStack : IDisposable
{
    private readonly ServiceProvider _provider;

    public ServiceStack(string connectionString, SoakHost host, string capturedQueue)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Storage:NamePrefix"] = host.TablePrefix,
                ["Keys:DevelopmentKeyFile"] = host.KeyFile,
                ["ExchangeQueueName"] = capturedQueue,
            })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddVaccinationServices(configuration, new TestHostEnvironment());
        _provider = services.BuildServiceProvider();
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public Tenant Tenant(string code) => Get<TenantRegistry>().Find(code)!;

    public void Dispose() => _provider.Dispose();

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "Vaccination.ReliabilityTests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
