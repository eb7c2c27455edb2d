using System.Runtime.CompilerServices;
using nietras.SeparatedValues;
using Vaccination.Application.Ingestion.Import;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>
/// Streams a VRS CSV export with Sep: comma-separated, quotes unescaped, fields trimmed, any number of dose blocks per
/// line. Only one line's fields are held at a time.
/// </summary>
public sealed class VrsExportCsvReader : IVrsExportReader
{
    private static readonly SepReaderOptions Options = Sep.New(',').Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        Unescape = true,
        Trim = SepTrim.All,
    });

    public async IAsyncEnumerable<VrsExportRow> ReadAsync(TextReader csv, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = await Options.FromAsync(csv, cancellationToken);
        while (await reader.MoveNextAsync(cancellationToken))
        {
            yield return ToRow(reader.Current);
        }
    }

    private static VrsExportRow ToRow(SepReader.Row row)
    {
        var fields = new string[row.ColCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = row[i].ToString();
        }

        return new VrsExportRow(row.LineNumberFrom, fields);
    }
}
