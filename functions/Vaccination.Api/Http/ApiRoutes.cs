namespace Vaccination.Api.Http;

/// <summary>The HTTP contract's routes, relative to "/api"; both hosts bind these same strings.</summary>
public static class ApiRoutes
{
    public const string Prefix = "api";
    public const string Health = "health";
    public const string Subject = "municipalities/{municipalityCode}/subjects/{subjectId}";
    public const string SubjectDoses = "municipalities/{municipalityCode}/subjects/{subjectId}/doses";
    public const string DevelopmentTokens = "dev/tokens";
    public const string VrsEvents = "municipalities/{municipalityCode}/vrs/events";
    public const string VrsEventBatch = "municipalities/{municipalityCode}/vrs/events/batch";
    public const string VrsEvent = "municipalities/{municipalityCode}/vrs/events/{eventId}";
    public const string VrsImports = "municipalities/{municipalityCode}/vrs/imports";
    public const string DataQuality = "municipalities/{municipalityCode}/data-quality";
    public const string DataQualityResolution = "municipalities/{municipalityCode}/data-quality/{subjectId}/{flagId}/resolution";
    public const string SubjectConfirmation = "municipalities/{municipalityCode}/subjects/{subjectId}/confirmation";
    public const string ReviewItems = "municipalities/{municipalityCode}/review-items";
    public const string DevelopmentWebhookSecrets = "dev/webhook-secrets";
    public const string Certificates = "municipalities/{municipalityCode}/certificates";
    public const string Jwks = ".well-known/jwks.json";
    public const string RetentionSweeps = "municipalities/{municipalityCode}/retention-sweeps";
    public const string ErasureProposals = "municipalities/{municipalityCode}/erasure-proposals";
    public const string ErasureProposal = "municipalities/{municipalityCode}/erasure-proposals/{proposalId}";
    public const string ErasureDecision = "municipalities/{municipalityCode}/erasure-proposals/{proposalId}/decision";
    public const string ErasureCertificate = "municipalities/{municipalityCode}/erasure-certificates/{certificateId}";
    public const string ErasureCertificateKeys = "municipalities/{municipalityCode}/erasure-certificates/{certificateId}/destroyed-keys/{page:int}";
    public const string Inquiries = "municipalities/{municipalityCode}/inquiries";
    public const string Inquiry = "municipalities/{municipalityCode}/inquiries/{inquiryId}";
    public const string InquiryJobs = "municipalities/{municipalityCode}/inquiry-jobs";
    public const string InquiryJob = "municipalities/{municipalityCode}/inquiry-jobs/{jobId}";
    public const string InquiryJobResult = "municipalities/{municipalityCode}/inquiry-jobs/{jobId}/result";
    public const string ProvisionReviews = "municipalities/{municipalityCode}/provision-reviews";
    public const string ProvisionReviewApproval = "municipalities/{municipalityCode}/provision-reviews/{reviewId}/approval";
    public const string ProvisionReviewRefusal = "municipalities/{municipalityCode}/provision-reviews/{reviewId}/refusal";
    public const string ExchangeRecords = "municipalities/{municipalityCode}/exchange-records";
    public const string StaffGrants = "municipalities/{municipalityCode}/staff-grants";
    public const string StaffGrant = "municipalities/{municipalityCode}/staff-grants/{actorId}";
    public const string AuditEntries = "municipalities/{municipalityCode}/audit-entries";
    public const string AuditVerification = "municipalities/{municipalityCode}/audit-verification";
    public const string VaccinationRecordsExport = "municipalities/{municipalityCode}/vaccination-records.csv";
    public const string SubjectDisclosure = "municipalities/{municipalityCode}/subjects/{subjectId}/disclosure";
    public const string SubjectCorrection = "municipalities/{municipalityCode}/subjects/{subjectId}/correction";
    public const string SubjectSuspension = "municipalities/{municipalityCode}/subjects/{subjectId}/suspension";
    public const string SubjectAutoResponseHold = "municipalities/{municipalityCode}/subjects/{subjectId}/auto-response-hold";
    public const string StatisticsRefresh = "municipalities/{municipalityCode}/statistics/refresh";
    public const string DoseStatistics = "statistics/doses";
}
