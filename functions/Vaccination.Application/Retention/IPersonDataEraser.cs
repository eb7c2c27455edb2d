using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Retention;

/// <summary>
/// A feature's rows about persons (outside subjects and doses) that go when the persons are erased. Their personal
/// fields are already unreadable once the person keys are destroyed; this removes the rows themselves.
/// </summary>
public interface IPersonDataEraser
{
    /// <summary>
    /// Whether it needs the persons' keys to find its rows (they are keyed by something only the encrypted record
    /// holds): such an eraser runs just before the keys are destroyed, the others after.
    /// </summary>
    bool NeedsPersonKeys => false;

    /// <summary>Deletes the feature's rows of these persons; returns how many rows went. Idempotent.</summary>
    Task<int> EraseAsync(Tenant tenant, IReadOnlyCollection<SubjectId> subjectIds, CancellationToken cancellationToken);
}
