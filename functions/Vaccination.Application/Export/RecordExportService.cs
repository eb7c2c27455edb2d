using Vaccination.Application.Callers;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Export;

/// <summary>
/// CSV export of a tenant's vaccination records in the VRS ledger layout for its own staff (S7: never a My Number).
/// Rows are written to the output as they are read, partition by partition, and flushed in blocks, so memory stays
/// bounded whatever the tenant's size.
/// </summary>
public sealed class RecordExportService(TenantAccess access, ILedgerReader reader)
{
    private const int RowsPerFlush = 1000;
    private static readonly CallerRole[] StaffRoles = [CallerRole.MunicipalStaff, CallerRole.MunicipalAdministrator];

    /// <summary>Decides, before anything is written, whether the caller may export this tenant.</summary>
    public Result<Tenant> Authorize(Caller caller, string municipalityCode) => access.Resolve(caller, municipalityCode, StaffRoles);

    /// <summary>Writes the header and every dose; returns the number of dose rows written.</summary>
    public async Task<long> WriteAsync(Tenant tenant, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, LedgerCsv.Encoding, bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(LedgerCsv.Line(LedgerCsv.Header).AsMemory(), cancellationToken);
        var rows = 0L;
        await foreach (var row in reader.ReadAsync(tenant, cancellationToken))
        {
            await writer.WriteAsync(LedgerCsv.Line(row).AsMemory(), cancellationToken);
            if (++rows % RowsPerFlush == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return rows;
    }
}
