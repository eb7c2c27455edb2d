using System.Text;

namespace Vaccination.Infrastructure.Crypto;

/// <summary>
/// Where an encrypted value lives: tenant, logical table, partition, row and field. It is the AES-GCM associated data,
/// so a ciphertext copied to another field, row, table or tenant no longer decrypts.
/// </summary>
public sealed record FieldContext(string Tenant, string Table, string PartitionKey, string RowKey, string Field)
{
    internal byte[] ToAssociatedData(string format, string keyReference) =>
        Encoding.UTF8.GetBytes($"{format}|{keyReference}|{Tenant}|{Table}|{PartitionKey}|{RowKey}|{Field}");
}
