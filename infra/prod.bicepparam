// Production (S3): storage, Key Vault and Service Bus only behind private endpoints, public access disabled,
// the Function App integrated with the virtual network; HSM-backed keys, zone-redundant storage.
// az deployment sub create --location japaneast --template-file infra/main.bicep --parameters infra/prod.bicepparam
using 'main.bicep'

param environmentName = 'vaccination-prod'
param location = 'japaneast'
param networkIsolation = true
param storageSkuName = 'Standard_ZRS'
param keyVaultSkuName = 'premium'
param alwaysReadyInstanceCount = 2
param maximumInstanceCount = 100
param logRetentionInDays = 365
param authAudience = 'api://vaccination-records'
param retentionSweepSchedule = '0 0 17 * * *'
param virtualNetworkAddressPrefix = '10.40.0.0/16'
param appSubnetPrefix = '10.40.0.0/24'
param privateEndpointSubnetPrefix = '10.40.1.0/24'
// The municipalities onboarded in production; add one entry per municipality (codes carry their check digit).
param tenants = [
  {
    code: '012041'
    name: 'Asahikawa'
    prefecture: 'Hokkaido'
    retentionYears: 20
    kioskIssuance: true
    partitions: 16
  }
  {
    code: '011002'
    name: 'Sapporo'
    prefecture: 'Hokkaido'
    retentionYears: 5
    kioskIssuance: false
    partitions: 16
  }
  {
    code: '131016'
    name: 'Chiyoda'
    prefecture: 'Tokyo'
    retentionYears: 5
    kioskIssuance: false
    partitions: 16
  }
]
