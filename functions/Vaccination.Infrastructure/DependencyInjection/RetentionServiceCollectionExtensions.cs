using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Configuration;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Retention;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>Registers retention sweeps, erasure and certificates of deletion.</summary>
public static class RetentionServiceCollectionExtensions
{
    public const string DefaultQueueName = "retention-sweep";
    public const string DefaultSchedule = "0 0 17 * * *"; // 02:00 in Japan (UTC+9)

    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        var queueName = configuration[AppSettingNames.RetentionQueueName] ?? DefaultQueueName;
        services.AddSingleton(options);
        services.AddSingleton(new QueueDeclaration(queueName));
        services.AddSingleton<IRetentionStore>(provider => new TableRetentionStore(
            provider.GetRequiredService<StorageTables>(),
            provider.GetRequiredService<PersonKeyStore>(),
            provider.GetServices<IPersonDataEraser>(),
            options));
        services.AddSingleton<IRetentionWorkSender>(provider => new StorageRetentionWorkSender(provider.GetRequiredService<StorageQueues>(), queueName));
        services.AddSingleton(provider => (StorageRetentionWorkSender)provider.GetRequiredService<IRetentionWorkSender>());
        services.AddSingleton<IDeletionReportSigner, JwsDeletionReportSigner>();
        services.AddSingleton<RetentionSweepService>();
        services.AddSingleton<ErasureService>();
        return services;
    }
}
