using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vaccination.Api.DependencyInjection;
using Vaccination.Functions.Http;
using Vaccination.Functions.Operations;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<UnexpectedFailureMiddleware>();
builder.Services.AddVaccinationApi(builder.Configuration, builder.Environment);
builder.Services.AddHostedService<StorageInitializer>();

await builder.Build().RunAsync();
