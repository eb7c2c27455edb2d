using Microsoft.Extensions.DependencyInjection;
using Vaccination.Application.Access;
using Vaccination.Application.Audit;
using Vaccination.Infrastructure.Access;
using Vaccination.Infrastructure.Audit;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>Registers staff grants, the access policy and the audit trail (issue 7).</summary>
public static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddAccessAndAudit(this IServiceCollection services)
    {
        services.AddSingleton<IStaffGrantStore, TableStaffGrantStore>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<StaffGrantService>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditService>();
        return services;
    }
}
