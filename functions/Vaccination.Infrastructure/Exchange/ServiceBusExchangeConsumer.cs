using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Application.Exchange;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Consumes the Service Bus exchange queue with a <see cref="ServiceBusProcessor"/> in a hosted service (the Service Bus
/// trigger extension is not available to us), in both hosts. Handled messages are completed; poisoned ones are
/// dead-lettered with the reason and description; a failure abandons the message so the broker delivers it again, and
/// the last allowed delivery is dead-lettered by <see cref="ExchangeDelivery"/> with "max-deliveries-exceeded".
/// </summary>
public sealed partial class ServiceBusExchangeConsumer(
    ServiceBusClient client,
    IOptions<ExchangeTransportOptions> options,
    ExchangeDelivery delivery,
    ILogger<ServiceBusExchangeConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var processor = client.CreateProcessor(options.Value.QueueName, new ServiceBusProcessorOptions
        {
            AutoCompleteMessages = false,
            MaxConcurrentCalls = options.Value.ConsumerParallelism,
            PrefetchCount = options.Value.ConsumerParallelism * 2,
        });
        processor.ProcessMessageAsync += ProcessMessageAsync;
        processor.ProcessErrorAsync += ProcessErrorAsync;
        await processor.StartProcessingAsync(stoppingToken);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        await processor.StopProcessingAsync(CancellationToken.None);
    }

    internal async Task ProcessMessageAsync(ProcessMessageEventArgs args)
    {
        var result = await delivery.DeliverAsync(args.Message.Body.ToString(), args.Message.DeliveryCount, args.CancellationToken);
        if (result.Poisoned)
        {
            await args.DeadLetterMessageAsync(args.Message, result.Reason, result.Description, args.CancellationToken);
        }
        else
        {
            await args.CompleteMessageAsync(args.Message, args.CancellationToken);
        }
    }

    internal Task ProcessErrorAsync(ProcessErrorEventArgs args)
    {
        LogProcessorError(logger, args.ErrorSource.ToString(), args.Exception.GetType().Name);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service Bus exchange processor error in {Source}: {ExceptionType}")]
    private static partial void LogProcessorError(ILogger logger, string source, string exceptionType);
}
