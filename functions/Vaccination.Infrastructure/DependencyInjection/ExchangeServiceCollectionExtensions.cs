using Azure.Core;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vaccination.Application.Exchange;
using Vaccination.Infrastructure.Configuration;
using Vaccination.Infrastructure.Exchange;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>Registers the inter-municipality exchange (issue 4): services, stores, payload encryption and the configured transport.</summary>
public static class ExchangeServiceCollectionExtensions
{
    public static IServiceCollection AddExchange(this IServiceCollection services, IConfiguration configuration)
    {
        var exchange = configuration.GetSection(ExchangeOptions.Section).Get<ExchangeOptions>() ?? new ExchangeOptions();
        var transport = new ExchangeTransportOptions();
        configuration.GetSection(ExchangeOptions.Section).Bind(transport);
        transport.QueueName = configuration[AppSettingNames.ExchangeQueueName] ?? transport.QueueName;
        transport.ServiceBusNamespace = configuration[AppSettingNames.ServiceBusNamespace.Replace("__", ":", StringComparison.Ordinal)];
        services.AddSingleton(Options.Create(exchange));
        services.AddSingleton(Options.Create(transport));

        services.AddSingleton<InquiryRequestValidator>();
        services.AddSingleton<ExchangeMessenger>();
        services.AddSingleton<InquirySender>();
        services.AddSingleton<InquiryService>();
        services.AddSingleton<InquiryCompletion>();
        services.AddSingleton<ProvisionService>();
        services.AddSingleton<ExchangeRecordService>();
        services.AddSingleton<ExchangeDelivery>();
        services.AddSingleton<InquiryCleanup>();

        services.AddSingleton<ExchangeKeyRing>();
        services.AddSingleton<IExchangePayloadCipher, ExchangePayloadCipher>();
        services.AddSingleton<IInquiryStore, TableInquiryStore>();
        services.AddSingleton<IProvisionStore, TableProvisionStore>();
        services.AddSingleton<IExchangeRecordStore, TableExchangeRecordStore>();
        services.AddHttpClient<IInquiryNotifier, HttpInquiryNotifier>(http => http.Timeout = TimeSpan.FromSeconds(10));

        services.AddSingleton<ExchangeConsumerSignal>();
        services.AddSingleton<StorageQueueExchangeQueues>();
        services.AddSingleton<StorageQueueExchangeHandler>();
        if (transport.Transport == ExchangeTransportOptions.ServiceBus)
        {
            var fullyQualifiedNamespace = transport.ServiceBusNamespace
                ?? throw new InvalidOperationException($"Set {AppSettingNames.ServiceBusNamespace} for the ServiceBus exchange transport.");
            services.AddSingleton(provider => new ServiceBusClient(fullyQualifiedNamespace, provider.GetRequiredService<TokenCredential>()));
            services.AddSingleton(provider => provider.GetRequiredService<ServiceBusClient>().CreateSender(transport.QueueName));
            services.AddSingleton<IExchangeTransport, ServiceBusExchangeTransport>();
            services.AddHostedService<ServiceBusExchangeConsumer>();
        }
        else if (transport.Transport == ExchangeTransportOptions.StorageQueues)
        {
            services.AddSingleton(new QueueDeclaration(transport.QueueName));
            services.AddSingleton<IExchangeTransport, StorageQueueExchangeTransport>();
        }
        else
        {
            throw new InvalidOperationException($"Unknown exchange transport '{transport.Transport}'; use StorageQueues or ServiceBus.");
        }

        return services;
    }
}
