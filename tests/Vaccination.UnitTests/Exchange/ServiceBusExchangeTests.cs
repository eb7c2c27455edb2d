using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;
using Vaccination.Infrastructure.Exchange;

namespace Vaccination.UnitTests.Exchange;

public sealed class ServiceBusExchangeTests
{
    [Fact]
    public async Task SendAsync_Message_SetsIdForDuplicateDetectionAndRoutesToRecipient()
    {
        var sender = new Mock<ServiceBusSender>();
        ServiceBusMessage? sent = null;
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((m, _) => sent = m)
            .Returns(Task.CompletedTask);
        var message = ExchangeFixture.Inquiry("x1.ciphertext");

        await new ServiceBusExchangeTransport(sender.Object).SendAsync(message);

        Assert.NotNull(sent);
        Assert.Equal(message.MessageId, sent.MessageId);
        Assert.Equal(message.InquiryId, sent.CorrelationId);
        Assert.Equal("012041", sent.To);
        Assert.Equal("012041", sent.ApplicationProperties[ServiceBusExchangeTransport.RecipientProperty]);
        Assert.Equal("011002", sent.ApplicationProperties[ServiceBusExchangeTransport.SenderProperty]);
        Assert.Equal(nameof(ExchangeMessageType.Inquiry), sent.Subject);
        Assert.Equal(message, ExchangeMessageCodec.Parse(sent.Body.ToString()).Value);
    }

    [Fact]
    public async Task ProcessMessageAsync_UndecryptablePayload_DeadLettersWithReasonAndDescription()
    {
        var fixture = new ExchangeFixture();
        var receiver = new Mock<ServiceBusReceiver>();
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(ExchangeMessageCodec.Serialize(ExchangeFixture.Inquiry())), messageId: "m1", deliveryCount: 1);

        await Consumer(fixture).ProcessMessageAsync(new ProcessMessageEventArgs(received, receiver.Object, CancellationToken.None));

        receiver.Verify(r => r.DeadLetterMessageAsync(received, ExchangeFailureReasons.Undecryptable,
            It.Is<string>(d => d.Contains("decrypted", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
        receiver.Verify(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProcessMessageAsync_FailureNoticeForUnknownInquiry_CompletesTheMessage()
    {
        var fixture = new ExchangeFixture();
        var receiver = new Mock<ServiceBusReceiver>();
        var notice = ExchangeFixture.Inquiry(payload: null) with
        {
            Type = ExchangeMessageType.DeliveryFailure,
            Sender = ExchangeFixture.Asahikawa.Code,
            Recipient = ExchangeFixture.Sapporo.Code,
            FailureReason = ExchangeFailureReasons.MaxDeliveries,
        };
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(ExchangeMessageCodec.Serialize(notice)), deliveryCount: 1);

        await Consumer(fixture).ProcessMessageAsync(new ProcessMessageEventArgs(received, receiver.Object, CancellationToken.None));

        receiver.Verify(r => r.CompleteMessageAsync(received, It.IsAny<CancellationToken>()), Times.Once);
        receiver.Verify(r => r.DeadLetterMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task ProcessMessageAsync_TransientFailure_ThrowsSoTheProcessorAbandons()
    {
        var fixture = new ExchangeFixture();
        fixture.Cipher.Setup(c => c.OpenAsync(It.IsAny<Vaccination.Domain.Tenants.Tenant>(), It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException());
        var receiver = new Mock<ServiceBusReceiver>();
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(ExchangeMessageCodec.Serialize(ExchangeFixture.Inquiry())), deliveryCount: 2);

        await Assert.ThrowsAsync<TimeoutException>(() =>
            Consumer(fixture).ProcessMessageAsync(new ProcessMessageEventArgs(received, receiver.Object, CancellationToken.None)));
        receiver.Verify(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProcessMessageAsync_FifthFailedDelivery_DeadLettersAsMaxDeliveriesExceeded()
    {
        var fixture = new ExchangeFixture();
        fixture.Cipher.Setup(c => c.OpenAsync(It.IsAny<Vaccination.Domain.Tenants.Tenant>(), It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException());
        var receiver = new Mock<ServiceBusReceiver>();
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(ExchangeMessageCodec.Serialize(ExchangeFixture.Inquiry())), deliveryCount: 5);

        await Consumer(fixture).ProcessMessageAsync(new ProcessMessageEventArgs(received, receiver.Object, CancellationToken.None));

        receiver.Verify(r => r.DeadLetterMessageAsync(received, ExchangeFailureReasons.MaxDeliveries, It.IsAny<string>(), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    private static ServiceBusExchangeConsumer Consumer(ExchangeFixture fixture) => new(
        new Mock<ServiceBusClient>().Object,
        Options.Create(new ExchangeTransportOptions { Transport = ExchangeTransportOptions.ServiceBus }),
        fixture.Delivery,
        NullLogger<ServiceBusExchangeConsumer>.Instance);
}
