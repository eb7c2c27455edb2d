using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.DataQuality;

/// <summary>Per-tenant storage of data-quality flags, one per subject, code and dose (a repeated finding replaces the flag).</summary>
public interface IDataQualityStore : IDataQualityReader
{
    Task SaveAsync(Tenant tenant, IReadOnlyList<DataQualityFlag> flags, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves only the flags not stored yet, leaving stored ones as they are (resolved ones stay resolved): for a dose
    /// sent again unchanged, whose flags may have been saved and resolved since, or lost in a crash before.
    /// </summary>
    Task AddMissingAsync(Tenant tenant, IReadOnlyList<DataQualityFlag> flags, CancellationToken cancellationToken = default);

    /// <summary>Marks every open flag of one dose resolved (the dose was corrected or cancelled).</summary>
    Task ResolveForDoseAsync(Tenant tenant, SubjectId subjectId, DoseNumber dose, string resolvedBy, CancellationToken cancellationToken = default);

    /// <summary>Marks one flag resolved; returns it, or null when the subject has no flag with that id.</summary>
    Task<DataQualityFlag?> ResolveAsync(Tenant tenant, SubjectId subjectId, string flagId, string resolvedBy, CancellationToken cancellationToken = default);

    /// <summary>The tenant's flags, walking its partitions; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DataQualityFlag>> ListAsync(Tenant tenant, bool includeResolved, int limit, CancellationToken cancellationToken = default);
}
