using Azure.Data.Tables;

namespace Vaccination.ReliabilityTests.Environment;

/// <summary>Reads a table's rows as stored, bypassing the application, to count what is really there.</summary>
public static class RawRows
{
    public static async Task<List<TableEntity>> ReadAsync(string connectionString, string prefix, string table, string? filter = null)
    {
        var client = new TableClient(connectionString, prefix + table);
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in client.QueryAsync<TableEntity>(filter))
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The table was never created: no rows.
        }

        return rows;
    }

    /// <summary>
    /// Tables a refused request may still change, or that the self-host's own timers write whatever the callers do: the
    /// audit trail (it records the refused attempt) and the nightly retention sweep's checkpoints and proposals.
    /// </summary>
    private static readonly string[] NotCausedByTheCaller = ["AuditEntries", "SweepCheckpoints", "ErasureProposals", "ErasureProposalItems"];

    /// <summary>Row counts of every table with the prefix that only a caller's request changes, as one comparable text.</summary>
    public static async Task<string> CallerVisibleCountsAsync(string connectionString, string prefix) =>
        string.Join(", ", (await CountAllAsync(connectionString, prefix))
            .Where(c => !NotCausedByTheCaller.Any(t => c.Key == prefix + t))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Row counts of every table with the prefix, by table name.</summary>
    public static async Task<Dictionary<string, int>> CountAllAsync(string connectionString, string prefix)
    {
        var service = new TableServiceClient(connectionString);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync(t => t.Name.CompareTo(prefix) >= 0))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var count = 0;
            await foreach (var page in service.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]).AsPages())
            {
                count += page.Values.Count;
            }

            counts[table.Name] = count;
        }

        return counts;
    }
}
