namespace Vaccination.Domain.Exchange;

/// <summary>The events written to provision records; stable strings because staff tools filter on them.</summary>
public static class ExchangeRecordEvents
{
    public const string Sent = "sent";
    public const string Provided = "provided";
    public const string NotFound = "not-found";
    public const string Refused = "refused";
    public const string HeldForReview = "held-for-review";
    public const string Failed = "failed";
}
