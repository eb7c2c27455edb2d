using Azure.Data.Tables;

namespace Vaccination.IntegrationTests.Environment;

/// <summary>Reads every row of every table with a prefix, bypassing the application, to inspect what is really stored.</summary>
public static class RawTableScanner
{
    public static async Task<List<TableEntity>> ReadAllAsync(string connectionString, string tablePrefix)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new List<TableEntity>();
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(tablePrefix) >= 0))
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                row["__table"] = table.Name;
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>Every key and value of every row as text, one line per property.</summary>
    public static IEnumerable<string> Texts(IEnumerable<TableEntity> rows) =>
        rows.SelectMany(row => row.Select(p => $"{row["__table"]}/{row.PartitionKey}/{row.RowKey}/{p.Key}={p.Value}"));
}
