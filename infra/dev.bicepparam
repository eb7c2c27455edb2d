// Development: public endpoints (Entra ID only, no keys), one always-ready instance, smallest SKUs.
// az deployment sub create --location japaneast --template-file infra/main.bicep --parameters infra/dev.bicepparam
using 'main.bicep'

param environmentName = 'vaccination-dev'
param location = 'japaneast'
param networkIsolation = false
param storageSkuName = 'Standard_LRS'
param keyVaultSkuName = 'standard'
param alwaysReadyInstanceCount = 1
param maximumInstanceCount = 40
param logRetentionInDays = 30
param authAudience = 'api://vaccination-records'
param retentionSweepSchedule = '0 0 17 * * *'
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
