namespace Vaccination.Infrastructure.Configuration;

/// <summary>
/// Every app setting the application reads, in the flat form Azure app settings use ("Section__Key").
/// The Bicep template must define each name in <see cref="RequiredInAzure"/>; a test compares them.
/// </summary>
public static class AppSettingNames
{
    // Application data storage (tables and queues). Identity-based in Azure, a connection string locally.
    public const string StorageTableServiceUri = "Storage__TableServiceUri";
    public const string StorageQueueServiceUri = "Storage__QueueServiceUri";
    public const string StorageConnectionString = "Storage__ConnectionString";

    /// <summary>The client id of the user-assigned managed identity used for every Azure data plane.</summary>
    public const string ManagedIdentityClientId = "AZURE_CLIENT_ID";

    // Key-encryption key and signing keys.
    public const string KeysProvider = "Keys__Provider";
    public const string KeyVaultUri = "Keys__KeyVaultUri";
    public const string KeyEncryptionKeyName = "Keys__KeyEncryptionKeyName";
    public const string SigningKeyName = "Keys__SigningKeyName";
    public const string DevelopmentKeyFile = "Keys__DevelopmentKeyFile";

    // Certificates: the SMART Health Card issuer URL, card trust anchors (indexed list) and the VDS-NC barcode-signer certificate.
    public const string CertificatesIssuer = "Certificates__Issuer";
    public const string CertificatesCardTrustAnchorsPrefix = "Certificates__CardTrustAnchors__";
    public const string CertificatesBarcodeSignerCertificate = "Certificates__BarcodeSignerCertificate";

    // Caller authentication (JWT bearer, Entra ID in Azure).
    public const string AuthIssuer = "Auth__Issuer";
    public const string AuthAudience = "Auth__Audience";
    public const string AuthAuthority = "Auth__Authority";

    // Inter-municipality exchange.
    public const string ExchangeTransport = "Exchange__Transport";
    public const string ServiceBusNamespace = "ServiceBusConnection__fullyQualifiedNamespace";
    public const string ExchangeQueueName = "ExchangeQueueName";
    public const string ExchangeResultRetention = "Exchange__ResultRetention";
    public const string ExchangeAbortAfter = "Exchange__AbortAfter";
    public const string ExchangeMaxDeliveries = "Exchange__MaxDeliveries";
    public const string ExchangeCallbackUrl = "Exchange__CallbackUrl";
    public const string ExchangeJobWindow = "Exchange__JobWindow";
    public const string ExchangeIdlePollDelay = "Exchange__IdlePollDelay";
    public const string ExchangeConsumerParallelism = "Exchange__ConsumerParallelism";

    // VRS ingestion: the Storage queue of events accepted with "Prefer: respond-async".
    public const string IngestionQueueName = "IngestionQueueName";

    // Retention sweeps (timer schedule and the per-tenant work queue).
    public const string RetentionSweepSchedule = "RetentionSweepSchedule";
    public const string RetentionQueueName = "RetentionQueueName";

    // The Functions host's own storage (queue triggers), identity-based in Azure.
    public const string HostStorageCredential = "AzureWebJobsStorage__credential";
    public const string HostStorageClientId = "AzureWebJobsStorage__clientId";
    public const string HostStorageQueueServiceUri = "AzureWebJobsStorage__queueServiceUri";
    public const string HostStorageTableServiceUri = "AzureWebJobsStorage__tableServiceUri";
    public const string HostStorageBlobServiceUri = "AzureWebJobsStorage__blobServiceUri";

    // VRS ingestion: how long the answer to a webhook event id is kept for replays (a TimeSpan, default 30 days).
    public const string IngestionIdempotencyRetention = "Ingestion__IdempotencyRetention";

    // VRS ingestion, events answered asynchronously: how long one may wait unapplied before the outbox sweep sends its
    // work again (default 10 minutes); the self-host's delivery ("InProcess", default, or "StorageQueue"), its
    // in-process workers (default 2) and sweep interval (default 1 minute; the Functions timer runs every 5 minutes).
    public const string IngestionQueuedEventRedriveAfter = "Ingestion__QueuedEventRedriveAfter";
    public const string IngestionQueuedEventDelivery = "Ingestion__QueuedEventDelivery";
    public const string IngestionInProcessWorkers = "Ingestion__InProcessWorkers";
    public const string IngestionQueuedEventSweepInterval = "Ingestion__QueuedEventSweepInterval";

    /// <summary>Tenants are configured as an indexed list: Tenants__0__Code, Tenants__0__Name, ...</summary>
    public const string TenantsPrefix = "Tenants__";

    /// <summary>The settings an Azure deployment must define (local-only settings are not listed).</summary>
    public static IReadOnlyList<string> RequiredInAzure { get; } =
    [
        StorageTableServiceUri,
        StorageQueueServiceUri,
        ManagedIdentityClientId,
        KeysProvider,
        KeyVaultUri,
        KeyEncryptionKeyName,
        SigningKeyName,
        AuthIssuer,
        AuthAudience,
        AuthAuthority,
        ExchangeTransport,
        ServiceBusNamespace,
        ExchangeQueueName,
        RetentionSweepSchedule,
        RetentionQueueName,
        IngestionQueueName,
        CertificatesIssuer,
        HostStorageCredential,
        HostStorageClientId,
        HostStorageQueueServiceUri,
        HostStorageTableServiceUri,
        HostStorageBlobServiceUri,
    ];
}
