using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion.Import;

/// <summary>
/// Writes the doses of many import lines: each line (one person's doses) is written whole in one transaction or not at
/// all. Returns the indexes of the lines that could not be written.
/// </summary>
public interface IImportDoseWriter
{
    Task<IReadOnlyList<int>> WriteAsync(Tenant tenant, IReadOnlyList<IReadOnlyList<DoseRecord>> lines, CancellationToken cancellationToken = default);
}
