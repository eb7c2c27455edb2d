namespace Vaccination.Application.Exchange;

/// <summary>The encrypted part of an inquiry: the My Number, the consent reference and the asking staff member.</summary>
public sealed record InquiryPayload(string MyNumber, string? ConsentReference, string RequestedBy);
