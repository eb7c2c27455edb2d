namespace Vaccination.Application.Exchange;

/// <summary>A bulk inquiry (a CSV of movers): its id, size, who sent it and when its row expires.</summary>
public sealed record InquiryJob(string JobId, int Total, string RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
