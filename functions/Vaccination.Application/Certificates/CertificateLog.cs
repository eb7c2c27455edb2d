using Microsoft.Extensions.Logging;
using Vaccination.Domain.Certificates;

namespace Vaccination.Application.Certificates;

/// <summary>Certificate log events: ids, tenant codes, kinds, channels and refusal codes only, never card or passport data.</summary>
internal static partial class CertificateLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Certificate {CertificateId} ({Kind}) issued through {Channel} for subject {SubjectId} of tenant {Tenant}")]
    public static partial void Issued(ILogger logger, string certificateId, CertificateKind kind, CertificateChannel channel, string subjectId, string tenant);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Certificate application through {Channel} refused for tenant {Tenant} (subject {SubjectId}): {Code}")]
    public static partial void Refused(ILogger logger, CertificateChannel channel, string tenant, string subjectId, string code);
}
