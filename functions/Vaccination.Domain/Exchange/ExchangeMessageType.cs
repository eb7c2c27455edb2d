namespace Vaccination.Domain.Exchange;

/// <summary>The kinds of message exchanged between municipalities.</summary>
public enum ExchangeMessageType
{
    /// <summary>A (new municipality) asks B (former municipality); payload: the My Number, encrypted to B.</summary>
    Inquiry,

    /// <summary>B answers A; payload: the outcome and doses, encrypted to A.</summary>
    Response,

    /// <summary>An inquiry could not be delivered or processed; no payload, a reason and a retry hint in clear.</summary>
    DeliveryFailure,
}
