namespace Vaccination.Domain.Exchange;

/// <summary>Where an inquiry stands at the inquiring municipality.</summary>
public enum InquiryStatus
{
    /// <summary>Sent; the former municipality has not answered (it may be waiting for a staff review there).</summary>
    Awaiting,

    /// <summary>The former municipality provided the person's doses; they are stored with the person here.</summary>
    Provided,

    /// <summary>The former municipality holds nobody with this My Number.</summary>
    NotFound,

    /// <summary>A staff member of the former municipality refused the provision.</summary>
    Refused,

    /// <summary>The exchange failed (poison message, no answer in time); see the reason and retry hint.</summary>
    Failed,

    /// <summary>A line of a bulk job stored but not sent yet: it is sent when an earlier line of the job ends.</summary>
    Queued,
}
