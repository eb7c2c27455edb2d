namespace Vaccination.Application.Exchange;

/// <summary>Timing of the exchange (section "Exchange").</summary>
public sealed class ExchangeOptions
{
    public const string Section = "Exchange";

    /// <summary>How long an inquiry and its result are kept after it completed or was aborted (S19).</summary>
    public TimeSpan ResultRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>An inquiry still unanswered after this long is aborted (failed with retry hint "retry").</summary>
    public TimeSpan AbortAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A message that fails this many deliveries goes to the poison queue or dead-letter queue.</summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>
    /// At most this many lines of one bulk job are in flight; the next line is sent when one ends. This keeps the
    /// queue backlog small (Azurite's queue slows down with thousands of waiting messages).
    /// </summary>
    public int JobWindow { get; set; } = 256;

    /// <summary>Where a status notification (ids and status only) is posted when an inquiry ends; none when empty.</summary>
    public Uri? CallbackUrl { get; set; }
}
