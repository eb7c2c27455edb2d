namespace Vaccination.Infrastructure.Storage;

/// <summary>Azure Table entity-group transactions: at most 100 operations, all in one partition.</summary>
public static class TableBatch
{
    public const int MaxSize = 100;
}
