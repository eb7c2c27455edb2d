using Vaccination.Api.DependencyInjection;
using Vaccination.SelfHost.Hosting;
using Vaccination.SelfHost.Local;

var builder = WebApplication.CreateBuilder(args);
await builder.UseAzuriteWhenNoStorageConfiguredAsync();
builder.Services.AddVaccinationApi(builder.Configuration, builder.Environment);
builder.Services.AddHostedService<StorageInitializer>();
builder.Services.AddHostedService<IdempotencyPurgeService>();
builder.Services.AddHostedService<RetentionQueueConsumer>();
builder.Services.AddQueuedEventDelivery(builder.Configuration);
builder.Services.AddHostedService<RetentionScheduler>();
builder.Services.AddHostedService<StorageQueueExchangeConsumer>();
builder.Services.AddHostedService<InquiryCleanupService>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<UnavailableDependencyHandler>();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.MapOpenApi("/api/openapi/{documentName}.json");
app.MapVaccinationApi();
await app.RunAsync();

/// <summary>The self-host's entry point, visible to the integration tests.</summary>
public partial class Program;
