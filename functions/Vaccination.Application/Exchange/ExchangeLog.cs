using Microsoft.Extensions.Logging;
using Vaccination.Domain.Exchange;

namespace Vaccination.Application.Exchange;

/// <summary>The exchange's log messages: ids, municipality codes, types and outcomes only, never personal data.</summary>
internal static partial class ExchangeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Inquiry {InquiryId} of {Tenant} sent to {Recipient} as message {MessageId}")]
    public static partial void InquirySent(ILogger logger, string inquiryId, string tenant, string recipient, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inquiry {InquiryId} of {Tenant} could not be sent ({ExceptionType})")]
    public static partial void InquirySendFailed(ILogger logger, string inquiryId, string tenant, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk inquiry job {JobId} of {Tenant}: {Total} inquiries, {Failed} not sent")]
    public static partial void JobSent(ILogger logger, string jobId, string tenant, int total, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inquiry {InquiryId} from {Inquirer} at {Tenant}: {Outcome}")]
    public static partial void ProvisionDecided(ILogger logger, string inquiryId, string inquirer, string tenant, ProvisionOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} of inquiry {InquiryId} at {Tenant} was already handled; duplicate ignored")]
    public static partial void DuplicateIgnored(ILogger logger, string messageId, string inquiryId, string tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inquiry {InquiryId} of {Tenant} ended: {Status}")]
    public static partial void InquiryEnded(ILogger logger, string inquiryId, string tenant, InquiryStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} for inquiry {InquiryId} at {Tenant} matches no waiting inquiry; ignored")]
    public static partial void NoWaitingInquiry(ILogger logger, string messageId, string inquiryId, string tenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} poisoned: {Reason}")]
    public static partial void Poisoned(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} delivery {DeliveryCount} failed ({ExceptionType}); it will be retried")]
    public static partial void DeliveryFailed(ILogger logger, string messageId, int deliveryCount, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report the failure of message {MessageId} ({ExceptionType})")]
    public static partial void FailureReportFailed(ILogger logger, string messageId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exchange cleanup of {Tenant}: {Deleted} inquiries deleted, {Aborted} aborted, {Provisions} provisions and {Jobs} jobs deleted")]
    public static partial void Swept(ILogger logger, string tenant, int deleted, int aborted, int provisions, int jobs);
}
