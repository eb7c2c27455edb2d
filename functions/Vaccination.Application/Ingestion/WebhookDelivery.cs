namespace Vaccination.Application.Ingestion;

/// <summary>A webhook call as received: the signature headers and the exact body bytes they sign.</summary>
public sealed record WebhookDelivery(string? Timestamp, string? Signature, ReadOnlyMemory<byte> Body);
