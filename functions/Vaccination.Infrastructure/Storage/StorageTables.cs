using Azure.Data.Tables;

namespace Vaccination.Infrastructure.Storage;

/// <summary>The table clients of the application, one per logical table, from one service client.</summary>
public sealed class StorageTables(TableServiceClient service, TableNames names)
{
    public TableNames Names { get; } = names;

    public TableServiceClient Service { get; } = service;

    public TableClient Get(string logicalName) => Service.GetTableClient(Names.Physical(logicalName));

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in TableNames.All)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
