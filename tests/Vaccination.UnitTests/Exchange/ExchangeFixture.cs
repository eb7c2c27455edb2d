using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Vaccination.Application.Audit;
using Vaccination.Application.Exchange;
using Vaccination.Application.Subjects;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Audit;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.UnitTests.Exchange;

/// <summary>The exchange's application services over mocked ports (storage, transport, cipher); no I/O.</summary>
internal sealed class ExchangeFixture
{
    public static readonly Tenant Sapporo = new(MunicipalityCode.Parse("011002"), "Sapporo", "Hokkaido", 5, true, 16);
    public static readonly Tenant Asahikawa = new(MunicipalityCode.Parse("012041"), "Asahikawa", "Hokkaido", 20, true, 16);

    public ExchangeFixture()
    {
        Registry = new TenantRegistry([Sapporo, Asahikawa]);
        Messenger = new ExchangeMessenger(Transport.Object, Cipher.Object, TimeProvider.System);
        var sender = new InquirySender(Inquiries.Object, Messenger, Options, TimeProvider.System, NullLogger<InquirySender>.Instance);
        Completion = new InquiryCompletion(Inquiries.Object, Subjects.Object, Records.Object, Notifier.Object, sender, Options, TimeProvider.System,
            NullLogger<InquiryCompletion>.Instance);
        Provision = new ProvisionService(new TenantAccess(Registry), Subjects.Object, Provisions.Object, Records.Object, Messenger,
            new AuditTrail(AuditLog.Object, TimeProvider.System), Options, TimeProvider.System, NullLogger<ProvisionService>.Instance);
        Delivery = new ExchangeDelivery(Registry, Cipher.Object, Provision, Completion, Messenger, Options, NullLogger<ExchangeDelivery>.Instance);
        AuditLog.Setup(a => a.AppendAsync(It.IsAny<Tenant>(), It.IsAny<IReadOnlyList<AuditEvent>>(), It.IsAny<CancellationToken>()))
            .Callback<Tenant, IReadOnlyList<AuditEvent>, CancellationToken>((_, events, _) => Audited.AddRange(events))
            .Returns(Task.CompletedTask);
        Transport.Setup(t => t.SendAsync(It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ExchangeMessage, CancellationToken>((m, _) => Sent.Add(m))
            .Returns(Task.CompletedTask);
        Cipher.Setup(c => c.OpenAsync(It.IsAny<Tenant>(), It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync((byte[]?)null);
    }

    public TenantRegistry Registry { get; }

    public IOptions<ExchangeOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new ExchangeOptions());

    public Mock<IExchangeTransport> Transport { get; } = new();

    public Mock<IExchangePayloadCipher> Cipher { get; } = new();

    public Mock<IInquiryStore> Inquiries { get; } = new();

    public Mock<IProvisionStore> Provisions { get; } = new();

    public Mock<IExchangeRecordStore> Records { get; } = new();

    public Mock<ISubjectStore> Subjects { get; } = new();

    /// <summary>B's audit trail; every call is kept in <see cref="Audited"/>.</summary>
    public Mock<IAuditLog> AuditLog { get; } = new();

    public List<AuditEvent> Audited { get; } = [];

    public Mock<IInquiryNotifier> Notifier { get; } = new();

    public List<ExchangeMessage> Sent { get; } = [];

    public ExchangeMessenger Messenger { get; }

    public InquiryCompletion Completion { get; }

    public ProvisionService Provision { get; }

    public ExchangeDelivery Delivery { get; }

    public static ExchangeMessage Inquiry(string? payload = "x1.AAAA") => new(
        ExchangeMessageCodec.NewMessageId(), InquiryId.New().Value, Sapporo.Code, Asahikawa.Code, ExchangeMessageType.Inquiry,
        LegalBases.MyNumberActArticle19Item16.Code, DateTimeOffset.UtcNow, ExchangeKeyId, payload);

    public const string ExchangeKeyId = "exchange-000001";
}
