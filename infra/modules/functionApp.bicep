metadata name = 'Function App'
metadata description = 'Flex Consumption plan and Linux Function App (.NET 10 isolated worker) running as a user-assigned identity, with always-ready instances so the hosted Service Bus consumer stays up.'

import { tenantType } from 'types.bicep'

@description('Required. The Function App name (globally unique host name).')
@minLength(2)
@maxLength(60)
param name string

@description('Required. The Flex Consumption plan name.')
@minLength(1)
@maxLength(60)
param planName string

@description('Required. The Azure region.')
param location string

@description('Optional. Tags for the plan.')
param tags object = {}

@description('Required. The azd service name (azure.yaml) the app is tagged with, so `azd deploy` finds it.')
param serviceName string

@description('Required. The user-assigned identity the app runs as (resource id).')
param identityResourceId string

@description('Required. The URL of the blob container the plan deploys the app package from.')
param deploymentContainerUrl string

@description('Required. App settings by name; every value is a string and none is a secret.')
param appSettings object

@description('Optional. Base64 DER certificates trusted as issuers of My Number card data signatures; each becomes Certificates__CardTrustAnchors__<i>.')
param cardTrustAnchors string[] = []

@description('Required. The municipalities served, emitted as Tenants__<i>__Code, __Name, __Prefecture, __RetentionYears, __KioskIssuance and __Partitions.')
param tenants tenantType[]

@description('Optional. The subnet (delegated to Microsoft.App/environments) the app integrates with; null keeps outbound traffic on the public network.')
param virtualNetworkSubnetResourceId string?

@description('Optional. The .NET version of the isolated worker.')
@allowed([
  '10.0'
])
param runtimeVersion string = '10.0'

@description('Optional. Instances of the HTTP group kept warm. At least one, because the Service Bus consumer is a hosted service that only runs on a live instance.')
@minValue(1)
@maxValue(20)
param alwaysReadyInstanceCount int = 1

@description('Optional. The most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Optional. Memory of each instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Required. The Log Analytics workspace every diagnostic setting sends to.')
param logAnalyticsWorkspaceResourceId string

var diagnosticSettingName = 'to-workspace'

// One group of settings per tenant, flattened below: Tenants__0__Code, Tenants__0__Name, ...
var tenantSettingGroups = [
  for (tenant, i) in tenants: [
    {
      name: 'Tenants__${i}__Code'
      value: tenant.code
    }
    {
      name: 'Tenants__${i}__Name'
      value: tenant.name
    }
    {
      name: 'Tenants__${i}__Prefecture'
      value: tenant.prefecture
    }
    {
      name: 'Tenants__${i}__RetentionYears'
      value: string(tenant.retentionYears)
    }
    {
      name: 'Tenants__${i}__KioskIssuance'
      value: tenant.kioskIssuance ? 'true' : 'false'
    }
    {
      name: 'Tenants__${i}__Partitions'
      value: string(tenant.partitions)
    }
  ]
]

var trustAnchorSettings = map(range(0, length(cardTrustAnchors)), i => {
  name: 'Certificates__CardTrustAnchors__${i}'
  value: cardTrustAnchors[i]
})

var namedSettings = map(items(appSettings), setting => {
  name: setting.key
  value: setting.value
})

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    virtualNetworkSubnetId: virtualNetworkSubnetResourceId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(namedSettings, flatten(tenantSettingGroups), trustAnchorSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
      scaleAndConcurrency: {
        alwaysReady: [
          {
            name: 'http'
            instanceCount: alwaysReadyInstanceCount
          }
        ]
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
  }
}

// No publishing with user names and passwords: deployments authenticate with Entra ID.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource planDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticSettingName
  scope: plan
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource functionAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticSettingName
  scope: functionApp
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('The Function App resource id.')
output resourceId string = functionApp.id

@description('The Function App name.')
output name string = functionApp.name

@description('The default host name, e.g. <name>.azurewebsites.net.')
output defaultHostName string = functionApp.properties.defaultHostName
