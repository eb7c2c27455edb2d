using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>
/// The one entry point of every consumer (Service Bus processor, Storage Queue hosted service, queue-triggered function):
/// parses the envelope, opens the payload with the recipient's key and hands it to the inquirer's or the provider's
/// handler. A message that can never succeed is poisoned at once with its reason; one that keeps failing is poisoned on
/// its last allowed delivery; either way the inquiry is marked failed (directly, or through a failure notice to its
/// sender). Other failures are rethrown so the transport delivers the message again.
/// </summary>
public sealed class ExchangeDelivery(
    TenantRegistry registry,
    IExchangePayloadCipher cipher,
    ProvisionService provisions,
    InquiryCompletion completion,
    ExchangeMessenger messenger,
    IOptions<ExchangeOptions> options,
    ILogger<ExchangeDelivery> logger)
{
    public async Task<DeliveryResult> DeliverAsync(string? body, int deliveryCount, CancellationToken cancellationToken)
    {
        var parsed = ExchangeMessageCodec.Parse(body);
        if (!parsed.IsSuccess)
        {
            ExchangeLog.Poisoned(logger, "(unreadable)", ExchangeFailureReasons.Malformed);
            return DeliveryResult.Poison(ExchangeFailureReasons.Malformed, "The body is not a well-formed exchange message.");
        }

        var message = parsed.Value;
        DeliveryResult result;
        try
        {
            result = await DispatchAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && deliveryCount >= options.Value.MaxDeliveries)
        {
            result = DeliveryResult.Poison(ExchangeFailureReasons.MaxDeliveries,
                $"Delivery {deliveryCount} of at most {options.Value.MaxDeliveries} failed with {e.GetType().Name}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ExchangeLog.DeliveryFailed(logger, message.MessageId, deliveryCount, e.GetType().Name);
            throw;
        }

        if (result.Poisoned)
        {
            ExchangeLog.Poisoned(logger, message.MessageId, result.Reason!);
            await ReportFailureAsync(message, result.Reason!, cancellationToken);
        }

        return result;
    }

    private async Task<DeliveryResult> DispatchAsync(ExchangeMessage message, CancellationToken cancellationToken)
    {
        if (registry.Find(message.Recipient) is not { } recipient)
        {
            return DeliveryResult.Poison(ExchangeFailureReasons.UnknownRecipient, "The recipient municipality is not served by this exchange.");
        }

        if (message.Type == ExchangeMessageType.DeliveryFailure)
        {
            var reason = message.FailureReason ?? ExchangeFailureReasons.Malformed;
            await completion.FailAsync(recipient, message, reason, message.RetryHint ?? ExchangeFailureReasons.RetryHintFor(reason), cancellationToken);
            return DeliveryResult.Handled;
        }

        var plaintext = await cipher.OpenAsync(recipient, message, cancellationToken);
        if (plaintext is null)
        {
            return DeliveryResult.Poison(ExchangeFailureReasons.Undecryptable, "The payload could not be decrypted with the recipient's exchange key.");
        }

        try
        {
            return message.Type == ExchangeMessageType.Inquiry
                ? await HandleInquiryAsync(recipient, message, plaintext, cancellationToken)
                : await HandleResponseAsync(recipient, message, plaintext, cancellationToken);
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }

    private async Task<DeliveryResult> HandleInquiryAsync(Tenant recipient, ExchangeMessage message, byte[] plaintext, CancellationToken cancellationToken)
    {
        if (ExchangeMessageCodec.FromPayloadBytes<InquiryPayload>(plaintext) is not { MyNumber: not null, RequestedBy: not null } payload)
        {
            return DeliveryResult.Poison(ExchangeFailureReasons.InvalidPayload, "The inquiry payload is not in the expected shape.");
        }

        await provisions.HandleInquiryAsync(recipient, message, payload, cancellationToken);
        return DeliveryResult.Handled;
    }

    private async Task<DeliveryResult> HandleResponseAsync(Tenant recipient, ExchangeMessage message, byte[] plaintext, CancellationToken cancellationToken)
    {
        if (ExchangeMessageCodec.FromPayloadBytes<ResponsePayload>(plaintext) is not { Doses: not null } payload || !Enum.IsDefined(payload.Outcome))
        {
            return DeliveryResult.Poison(ExchangeFailureReasons.InvalidPayload, "The response payload is not in the expected shape.");
        }

        await completion.CompleteAsync(recipient, message, payload, cancellationToken);
        return DeliveryResult.Handled;
    }

    /// <summary>
    /// An inquiry that fails at the former municipality is reported back to its sender; an answer that fails here marks
    /// the local inquiry failed. Best effort: the poisoned message itself is kept either way.
    /// </summary>
    private async Task ReportFailureAsync(ExchangeMessage message, string reason, CancellationToken cancellationToken)
    {
        var hint = ExchangeFailureReasons.RetryHintFor(reason);
        try
        {
            if (message.Type == ExchangeMessageType.Inquiry)
            {
                await messenger.SendFailureAsync(message, reason, hint, cancellationToken);
            }
            else if (registry.Find(message.Recipient) is { } inquirer)
            {
                await completion.FailAsync(inquirer, message, reason, hint, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ExchangeLog.FailureReportFailed(logger, message.MessageId, e.GetType().Name);
        }
    }
}
