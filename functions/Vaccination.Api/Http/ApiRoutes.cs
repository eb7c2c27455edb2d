namespace Vaccination.Api.Http;

/// <summary>The HTTP contract's routes, relative to "/api"; both hosts bind these same strings.</summary>
public static class ApiRoutes
{
    public const string Prefix = "api";
    public const string Health = "health";
    public const string Subject = "municipalities/{municipalityCode}/subjects/{subjectId}";
    public const string SubjectDoses = "municipalities/{municipalityCode}/subjects/{subjectId}/doses";
    public const string DevelopmentTokens = "dev/tokens";
    public const string Inquiries = "municipalities/{municipalityCode}/inquiries";
    public const string Inquiry = "municipalities/{municipalityCode}/inquiries/{inquiryId}";
    public const string InquiryJobs = "municipalities/{municipalityCode}/inquiry-jobs";
    public const string InquiryJob = "municipalities/{municipalityCode}/inquiry-jobs/{jobId}";
    public const string InquiryJobResult = "municipalities/{municipalityCode}/inquiry-jobs/{jobId}/result";
    public const string ProvisionReviews = "municipalities/{municipalityCode}/provision-reviews";
    public const string ProvisionReviewApproval = "municipalities/{municipalityCode}/provision-reviews/{reviewId}/approval";
    public const string ProvisionReviewRefusal = "municipalities/{municipalityCode}/provision-reviews/{reviewId}/refusal";
    public const string ExchangeRecords = "municipalities/{municipalityCode}/exchange-records";
}
