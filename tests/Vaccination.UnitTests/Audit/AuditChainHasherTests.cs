using System.Security.Cryptography;
using Vaccination.Domain.Audit;
using Vaccination.Domain.Identifiers;
using Vaccination.Infrastructure.Audit;

namespace Vaccination.UnitTests.Audit;

public sealed class AuditChainHasherTests
{
    private static readonly byte[] Key = AuditChainHasher.DeriveKey(RandomNumberGenerator.GetBytes(32), "012041");

    private static readonly AuditEvent Event = new(
        new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero), "alice", "municipal-staff", "012041",
        "GET municipalities/{municipalityCode}/subjects/{subjectId}", SubjectId.TryCreate("A-1").Value, null, AuditOutcomes.Succeeded, 200);

    [Fact]
    public void Hash_SameInputs_IsStable()
    {
        var first = AuditChainHasher.Hash(Key, "012041", 7, AuditEntities.HashedFields(Event), "prev");

        Assert.Equal(first, AuditChainHasher.Hash(Key, "012041", 7, AuditEntities.HashedFields(Event), "prev"));
        Assert.Equal(64, first.Length);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Hash_AnyFieldChanged_Differs(AuditEvent changed)
    {
        var original = AuditChainHasher.Hash(Key, "012041", 7, AuditEntities.HashedFields(Event), "prev");

        Assert.NotEqual(original, AuditChainHasher.Hash(Key, "012041", 7, AuditEntities.HashedFields(changed), "prev"));
    }

    [Fact]
    public void Hash_OtherSequencePreviousHashTenantOrKey_Differs()
    {
        var fields = AuditEntities.HashedFields(Event);
        var original = AuditChainHasher.Hash(Key, "012041", 7, fields, "prev");

        Assert.NotEqual(original, AuditChainHasher.Hash(Key, "012041", 8, fields, "prev"));
        Assert.NotEqual(original, AuditChainHasher.Hash(Key, "012041", 7, fields, "prev2"));
        Assert.NotEqual(original, AuditChainHasher.Hash(Key, "011002", 7, fields, "prev"));
        Assert.NotEqual(original, AuditChainHasher.Hash(AuditChainHasher.DeriveKey(RandomNumberGenerator.GetBytes(32), "012041"), "012041", 7, fields, "prev"));
    }

    [Fact]
    public void Hash_NullAndEmptyField_AreDifferent()
    {
        var withNull = AuditChainHasher.Hash(Key, "012041", 1, AuditEntities.HashedFields(Event with { Resource = null }), "p");

        Assert.NotEqual(withNull, AuditChainHasher.Hash(Key, "012041", 1, AuditEntities.HashedFields(Event with { Resource = string.Empty }), "p"));
    }

    [Fact]
    public void DeriveKey_PerTenant_Differs()
    {
        var indexKey = RandomNumberGenerator.GetBytes(32);

        Assert.NotEqual(AuditChainHasher.DeriveKey(indexKey, "012041"), AuditChainHasher.DeriveKey(indexKey, "011002"));
        Assert.NotEqual(AuditChainHasher.Genesis(Key, "012041"), AuditChainHasher.Genesis(Key, "011002"));
    }

    public static TheoryData<AuditEvent> Changes() =>
    [
        Event with { At = Event.At.AddTicks(1) },
        Event with { ActorId = "mallory" },
        Event with { Role = "municipal-admin" },
        Event with { ActorMunicipality = "011002" },
        Event with { Action = "PUT municipalities/{municipalityCode}/subjects/{subjectId}" },
        Event with { Subject = SubjectId.TryCreate("A-2").Value },
        Event with { Resource = "proposalId=x" },
        Event with { Outcome = AuditOutcomes.Forbidden },
        Event with { Status = 403 },
    ];
}
