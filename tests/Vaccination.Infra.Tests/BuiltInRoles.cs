namespace Vaccination.Infra.Tests;

/// <summary>Azure built-in role definition ids (the same in every tenant).</summary>
internal static class BuiltInRoles
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string KeyVaultCryptoUser = "12338af0-0e69-4776-bea7-57ae8d297424";
    public const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    public const string ServiceBusDataReceiver = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    // Broad roles the app's identity must never hold.
    public const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    public const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public const string UserAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    public const string StorageAccountContributor = "17d1049b-9a84-46fb-8f53-869881c3d3ab";
    public const string KeyVaultAdministrator = "00482a5a-887f-4fb3-b363-3b7fe8e74483";
    public const string KeyVaultCryptoOfficer = "14b46e9e-c2b7-41b4-b07b-48a6ebf60603";
    public const string ServiceBusDataOwner = "090c5cfd-751d-490a-894a-3ce6f1109419";
}
