namespace Vaccination.Infrastructure.Storage;

/// <summary>A storage queue a feature uses; every declared queue (and its poison twin) is created at start-up.</summary>
public sealed record QueueDeclaration(string Name);
