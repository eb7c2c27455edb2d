namespace Vaccination.Application.Exchange;

/// <summary>Why a message was poisoned or dead-lettered, and what the inquirer should do about it.</summary>
public static class ExchangeFailureReasons
{
    public const string Malformed = "malformed-message";
    public const string UnknownRecipient = "unknown-recipient";
    public const string Undecryptable = "payload-undecryptable";
    public const string InvalidPayload = "payload-invalid";
    public const string MaxDeliveries = "max-deliveries-exceeded";

    /// <summary>The retry hint shown with a failed inquiry (same vocabulary as problem details).</summary>
    public static string RetryHintFor(string reason) => reason switch
    {
        MaxDeliveries => "retry",
        UnknownRecipient => "fix-request",
        _ => "contact-support",
    };
}
