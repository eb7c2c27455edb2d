namespace Vaccination.Application.Exchange;

/// <summary>Progress of a bulk inquiry: how many inquiries are in each status.</summary>
public sealed record InquiryJobView(
    string JobId,
    int Total,
    int Awaiting,
    int Provided,
    int NotFound,
    int Refused,
    int Failed,
    int Queued,
    bool Finished,
    DateTimeOffset CreatedAt,
    string ResultPath);
