// The parameters `azd provision` / `azd up` use: the dev profile, named and placed by the azd environment.
// Set VACCINATION_NETWORK_ISOLATION=true in the azd environment (azd env set) for a network-isolated deployment.
using 'main.bicep'

extends 'dev.bicepparam'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'vaccination-dev')
param location = readEnvironmentVariable('AZURE_LOCATION', 'japaneast')
param networkIsolation = bool(readEnvironmentVariable('VACCINATION_NETWORK_ISOLATION', 'false'))
