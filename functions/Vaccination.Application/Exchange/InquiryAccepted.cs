namespace Vaccination.Application.Exchange;

/// <summary>The immediate answer to an inquiry or a bulk inquiry: the id to fetch the result with later.</summary>
public sealed record InquiryAccepted(string Id, int Total, string Location);
