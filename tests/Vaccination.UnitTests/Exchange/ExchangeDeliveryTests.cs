using Moq;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Audit;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.UnitTests.Exchange;

public sealed class ExchangeDeliveryTests
{
    [Fact]
    public async Task DeliverAsync_NotAnEnvelope_PoisonsAsMalformedWithoutSendingAnything()
    {
        var fixture = new ExchangeFixture();

        var result = await fixture.Delivery.DeliverAsync("{\"hello\":1}", 1, default);

        Assert.True(result.Poisoned);
        Assert.Equal(ExchangeFailureReasons.Malformed, result.Reason);
        Assert.Empty(fixture.Sent);
    }

    [Fact]
    public async Task DeliverAsync_UndecryptableInquiry_PoisonsAndTellsTheSenderWithRetryHint()
    {
        var fixture = new ExchangeFixture();
        var inquiry = ExchangeFixture.Inquiry();

        var result = await fixture.Delivery.DeliverAsync(ExchangeMessageCodec.Serialize(inquiry), 1, default);

        Assert.True(result.Poisoned);
        Assert.Equal(ExchangeFailureReasons.Undecryptable, result.Reason);
        var notice = Assert.Single(fixture.Sent);
        Assert.Equal(ExchangeMessageType.DeliveryFailure, notice.Type);
        Assert.Equal(inquiry.Sender, notice.Recipient);
        Assert.Equal(inquiry.InquiryId, notice.InquiryId);
        Assert.Equal(ExchangeFailureReasons.Undecryptable, notice.FailureReason);
        Assert.Equal("contact-support", notice.RetryHint);
        Assert.Null(notice.Payload);
    }

    [Fact]
    public async Task DeliverAsync_UnknownRecipient_PoisonsAsUnknownRecipient()
    {
        var fixture = new ExchangeFixture();
        var inquiry = ExchangeFixture.Inquiry() with { Recipient = Vaccination.Domain.Identifiers.MunicipalityCode.Parse("131016") };

        var result = await fixture.Delivery.DeliverAsync(ExchangeMessageCodec.Serialize(inquiry), 1, default);

        Assert.Equal(ExchangeFailureReasons.UnknownRecipient, result.Reason);
    }

    [Fact]
    public async Task DeliverAsync_TransientFailureBeforeLastTry_IsRethrownForRedelivery()
    {
        var fixture = new ExchangeFixture();
        fixture.Cipher.Setup(c => c.OpenAsync(It.IsAny<Tenant>(), It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException());

        await Assert.ThrowsAsync<TimeoutException>(() =>
            fixture.Delivery.DeliverAsync(ExchangeMessageCodec.Serialize(ExchangeFixture.Inquiry()), 4, default));
        Assert.Empty(fixture.Sent);
    }

    [Fact]
    public async Task DeliverAsync_TransientFailureOnFifthTry_PoisonsAsMaxDeliveriesWithRetryHintRetry()
    {
        var fixture = new ExchangeFixture();
        fixture.Cipher.Setup(c => c.OpenAsync(It.IsAny<Tenant>(), It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException());

        var result = await fixture.Delivery.DeliverAsync(ExchangeMessageCodec.Serialize(ExchangeFixture.Inquiry()), 5, default);

        Assert.Equal(ExchangeFailureReasons.MaxDeliveries, result.Reason);
        Assert.Contains("TimeoutException", result.Description, StringComparison.Ordinal);
        Assert.Equal("retry", Assert.Single(fixture.Sent).RetryHint);
    }

    [Fact]
    public async Task DeliverAsync_InquiryForUnknownNumber_StoresNoNumberAndAnswersNotFound()
    {
        var fixture = new ExchangeFixture();
        var inquiry = ExchangeFixture.Inquiry();
        StoredProvision? stored = null;
        fixture.Cipher.Setup(c => c.OpenAsync(ExchangeFixture.Asahikawa, It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ExchangeMessageCodec.ToPayloadBytes(new InquiryPayload("123456789018", "C-1", "staff-a")));
        fixture.Cipher.Setup(c => c.SealAsync(It.IsAny<ExchangeMessage>(), It.IsAny<ReadOnlyMemory<byte>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ExchangeMessage m, ReadOnlyMemory<byte> _, CancellationToken _) => m with { Payload = "x1.sealed" });
        fixture.Provisions.Setup(p => p.TryCreateAsync(ExchangeFixture.Asahikawa, It.IsAny<StoredProvision>(), It.IsAny<CancellationToken>()))
            .Callback<Tenant, StoredProvision, CancellationToken>((_, p, _) => stored = p)
            .ReturnsAsync("W/\"1\"");

        var result = await fixture.Delivery.DeliverAsync(ExchangeMessageCodec.Serialize(inquiry), 1, default);

        Assert.False(result.Poisoned);
        Assert.Equal(ProvisionOutcome.NotFound, stored!.Outcome);
        Assert.Null(stored.SubjectId);
        Assert.DoesNotContain("123456789018", stored.ToString(), StringComparison.Ordinal);
        var answer = Assert.Single(fixture.Sent);
        Assert.Equal(ExchangeMessageType.Response, answer.Type);
        Assert.Equal(ExchangeFixture.Sapporo.Code, answer.Recipient);
        fixture.Records.Verify(r => r.AppendAsync(ExchangeFixture.Asahikawa,
            It.Is<ExchangeRecord>(x => x.Event == ExchangeRecordEvents.NotFound && x.SubjectId == null), It.IsAny<CancellationToken>()), Times.Once);
        var audited = Assert.Single(fixture.Audited);
        Assert.Equal(("system", "system", "012041", "exchange.provision", "not-found", 404), (audited.ActorId, audited.Role, audited.ActorMunicipality, audited.Action, audited.Outcome, audited.Status));
        Assert.Null(audited.Subject);
        Assert.Equal("inquiryId=" + inquiry.InquiryId, audited.Resource);
    }

    [Fact]
    public async Task DeliverAsync_MatchedPerson_IsAuditedWithThePerson_AndNothingIsProvidedWhenTheAuditEntryCannotBeWritten()
    {
        var fixture = new ExchangeFixture();
        var inquiry = ExchangeFixture.Inquiry();
        var person = SubjectId.TryCreate("B-AUDIT-1").Value;
        fixture.Cipher.Setup(c => c.OpenAsync(ExchangeFixture.Asahikawa, It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ExchangeMessageCodec.ToPayloadBytes(new InquiryPayload("123456789018", "C-1", "staff-a")));
        fixture.Subjects.Setup(s => s.FindByMyNumberAsync(ExchangeFixture.Asahikawa, It.IsAny<MyNumber>(), It.IsAny<CancellationToken>())).ReturnsAsync(person);
        fixture.Subjects.Setup(s => s.GetAsync(ExchangeFixture.Asahikawa, person, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VaccinationSubject(person, null, "監査 花子", new DateOnly(1980, 1, 2), Sex.Female, [], SubjectFlags.None));
        fixture.AuditLog.Setup(a => a.AppendAsync(It.IsAny<Tenant>(), It.IsAny<IReadOnlyList<AuditEvent>>(), It.IsAny<CancellationToken>()))
            .Callback<Tenant, IReadOnlyList<AuditEvent>, CancellationToken>((_, events, _) => fixture.Audited.AddRange(events))
            .ThrowsAsync(new InvalidOperationException("audit log unavailable"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Delivery.DeliverAsync(ExchangeMessageCodec.Serialize(inquiry), 1, default));

        var audited = Assert.Single(fixture.Audited);
        Assert.Equal((person, "exchange.provision", "succeeded", 200), (audited.Subject, audited.Action, audited.Outcome, audited.Status));
        Assert.Empty(fixture.Sent);
        fixture.Provisions.Verify(p => p.TryCreateAsync(It.IsAny<Tenant>(), It.IsAny<StoredProvision>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task DeliverAsync_SecondDeliveryOfAnsweredInquiry_ProvidesNothingAgain()
    {
        var fixture = new ExchangeFixture();
        var inquiry = ExchangeFixture.Inquiry();
        fixture.Cipher.Setup(c => c.OpenAsync(ExchangeFixture.Asahikawa, It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ExchangeMessageCodec.ToPayloadBytes(new InquiryPayload("123456789018", "C-1", "staff-a")));
        fixture.Provisions.Setup(p => p.GetAsync(ExchangeFixture.Asahikawa, inquiry.MessageId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredProvision(inquiry.MessageId, InquiryId.TryCreate(inquiry.InquiryId).Value, inquiry.Sender, inquiry.LegalBasis,
                "staff-a", DateTimeOffset.UtcNow, ProvisionOutcome.Provided, null, ExchangeMessageCodec.NewMessageId(), ResponseSent: true,
                DateTimeOffset.UtcNow.AddDays(1)));
        fixture.Provisions.Setup(p => p.TryCreateAsync(ExchangeFixture.Asahikawa, It.IsAny<StoredProvision>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);

        var result = await fixture.Delivery.DeliverAsync(ExchangeMessageCodec.Serialize(inquiry), 2, default);

        Assert.False(result.Poisoned);
        Assert.Empty(fixture.Sent);
        fixture.Provisions.Verify(p => p.UpdateAsync(It.IsAny<Tenant>(), It.IsAny<StoredProvision>(), It.IsAny<CancellationToken>()), Times.Never);
        fixture.Records.Verify(r => r.AppendAsync(It.IsAny<Tenant>(), It.IsAny<ExchangeRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
