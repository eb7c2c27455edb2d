using Microsoft.Extensions.DependencyInjection.Extensions;
using Vaccination.Application.Ingestion;
using Vaccination.Infrastructure.Ingestion;

namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// How the self-host applies events accepted with "Prefer: respond-async" (setting Ingestion__QueuedEventDelivery):
/// in process by default, or from the ingestion Storage queue as the Functions app does; the re-drive sweep runs either way.
/// </summary>
internal static class QueuedEventHosting
{
    public static IServiceCollection AddQueuedEventDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here because the delivery decides which services exist; the values are checked when the host starts (IngestionOptionsValidator).
        var options = configuration.GetSection(IngestionOptions.Section).Get<IngestionOptions>() ?? new IngestionOptions();
        if (options.QueuedEventDelivery == QueuedEventDelivery.InProcess)
        {
            services.AddSingleton<InProcessQueuedEvents>();
            services.Replace(ServiceDescriptor.Singleton<IQueuedEventSender>(provider => provider.GetRequiredService<InProcessQueuedEvents>()));
            services.AddHostedService<InProcessEventWorkers>();
        }
        else
        {
            services.AddHostedService<QueuedEventConsumer>();
        }

        services.AddHostedService<QueuedEventRedriveService>();
        return services;
    }
}
