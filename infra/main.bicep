// Vaccination-records integration layer: everything one environment needs, in one resource group.
// Deployed with `azd up` (main.bicepparam) or `az deployment sub create` (dev.bicepparam, prod.bicepparam).
targetScope = 'subscription'

metadata name = 'Vaccination records'
metadata description = 'Function App (Flex Consumption, .NET 10 isolated) with identity-based access to Storage, Key Vault, Service Bus and Application Insights; optionally network-isolated behind private endpoints.'

import { tenantType } from 'modules/types.bicep'

@description('Required. The environment name (azd environment), used for the resource group and the resource name token.')
@minLength(1)
@maxLength(48)
param environmentName string

@description('Required. The region of every resource. Data stays in Japan (S3): only Japan East and Japan West are accepted.')
@allowed([
  'japaneast'
  'japanwest'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional. The resource group to create. Defaults to rg-<environmentName>.')
@maxLength(90)
param resourceGroupName string = ''

@description('Optional. Tags for every resource, in addition to azd-env-name.')
param tags object = {}

@description('Optional. Put storage, Key Vault and Service Bus behind private endpoints in a virtual network, disable their public endpoints and integrate the Function App with the network (production).')
param networkIsolation bool = false

@description('Optional. The Entra ID tenant that issues the callers\' tokens. Defaults to the subscription\'s tenant.')
@minLength(36)
@maxLength(36)
param entraTenantId string = tenant().tenantId

@description('Optional. The audience (application id URI) the API accepts in bearer tokens.')
@minLength(1)
param authAudience string = 'api://vaccination-records'

@description('Required. The municipalities this deployment serves; each becomes Tenants__<i>__* app settings.')
@minLength(1)
param tenants tenantType[]

@description('Optional. The SMART Health Card issuer URL ("iss"): the public https base of the API, ending in /api, under which /.well-known/jwks.json is served. Empty: the Function App\'s default host name.')
param certificateIssuer string = ''

@description('Optional. Trust anchors for My Number card data signatures: base64 DER certificates of the card issuer (public certificates, not secrets). Until one is set, certificate requests answer 503 certificates.not_configured.')
param cardTrustAnchors string[] = []

@description('Optional. The ICAO VDS-NC barcode-signer certificate (base64 DER, public) issued for the Key Vault signing key. Empty: overseas certificates are not offered.')
param barcodeSignerCertificate string = ''

@description('Optional. NCRONTAB schedule (six fields, UTC) of the retention sweep timer; 17:00 UTC is 02:00 in Japan.')
@minLength(11)
param retentionSweepSchedule string = '0 0 17 * * *'

@description('Optional. The exchange queue (a Service Bus queue in Azure, a Storage queue locally).')
@minLength(1)
@maxLength(63)
param exchangeQueueName string = 'exchange'

@description('Optional. The Storage queue of per-tenant retention sweep work.')
@minLength(3)
@maxLength(55)
param retentionQueueName string = 'retention-sweep'

@description('Optional. The Storage queue of VRS events accepted with "Prefer: respond-async", applied by a queue trigger.')
@minLength(3)
@maxLength(55)
param ingestionQueueName string = 'ingestion-events'

@description('Optional. The name of the key-encryption key that wraps the tenants\' data keys.')
@minLength(1)
@maxLength(127)
param keyEncryptionKeyName string = 'tenant-data-kek'

@description('Optional. The name of the certificate signing key (EC P-256, ES256).')
@minLength(1)
@maxLength(127)
param signingKeyName string = 'certificate-signing'

@description('Optional. Key Vault SKU; premium keeps the keys in HSMs.')
@allowed([
  'standard'
  'premium'
])
param keyVaultSkuName string = 'standard'

@description('Optional. Storage replication SKU.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Optional. Instances kept warm (Flex Consumption always-ready, HTTP group); at least one for the hosted Service Bus consumer.')
@minValue(1)
@maxValue(20)
param alwaysReadyInstanceCount int = 1

@description('Optional. The most instances the Function App scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Optional. Days the Log Analytics workspace keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Optional. The address space of the virtual network (used only with networkIsolation).')
param virtualNetworkAddressPrefix string = '10.40.0.0/16'

@description('Optional. The Function App integration subnet (used only with networkIsolation).')
param appSubnetPrefix string = '10.40.0.0/24'

@description('Optional. The private endpoint subnet (used only with networkIsolation).')
param privateEndpointSubnetPrefix string = '10.40.1.0/24'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var allTags = union(tags, { 'azd-env-name': environmentName })
var dataPublicNetworkAccess = networkIsolation ? 'Disabled' : 'Enabled'
var applicationInsightsName = 'appi-${resourceToken}'
var serviceName = 'functions'

// Built-in role definitions (GUIDs are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// One private endpoint per data-plane sub-resource, each with its private DNS zone.
var privateEndpointGroups = [
  {
    groupId: 'blob'
    service: 'storage'
    zone: 'privatelink.blob.${environment().suffixes.storage}'
  }
  {
    groupId: 'queue'
    service: 'storage'
    zone: 'privatelink.queue.${environment().suffixes.storage}'
  }
  {
    groupId: 'table'
    service: 'storage'
    zone: 'privatelink.table.${environment().suffixes.storage}'
  }
  {
    groupId: 'vault'
    service: 'keyVault'
    zone: replace(environment().suffixes.keyvaultDns, '.vault.', 'privatelink.vaultcore.')
  }
  {
    groupId: 'namespace'
    service: 'serviceBus'
    zone: 'privatelink.servicebus.windows.net'
  }
]

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: allTags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-func-${resourceToken}'
    location: location
    tags: allTags
  }
}

var appRole = {
  principalId: identity.outputs.principalId
  principalType: 'ServicePrincipal'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
    roleAssignments: [
      union(appRole, {
        roleDefinitionId: roles.monitoringMetricsPublisher
        description: 'Function App: send telemetry with Entra ID (local auth is disabled).'
      })
    ]
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: allTags
    skuName: storageSkuName
    publicNetworkAccess: dataPublicNetworkAccess
    queueNames: [
      exchangeQueueName
      '${exchangeQueueName}-poison'
      retentionQueueName
      '${retentionQueueName}-poison'
      ingestionQueueName
      '${ingestionQueueName}-poison'
    ]
    deploymentContainerName: 'app-package'
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsWorkspaceResourceId
    roleAssignments: [
      union(appRole, {
        roleDefinitionId: roles.storageTableDataContributor
        description: 'Function App: tenant data tables.'
      })
      union(appRole, {
        roleDefinitionId: roles.storageQueueDataContributor
        description: 'Function App: exchange, retention and ingestion queues, queue triggers.'
      })
      union(appRole, {
        roleDefinitionId: roles.storageBlobDataOwner
        description: 'Functions host: AzureWebJobsStorage leases and keys, Flex Consumption deployment package.'
      })
    ]
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: allTags
    skuName: keyVaultSkuName
    publicNetworkAccess: dataPublicNetworkAccess
    keyEncryptionKeyName: keyEncryptionKeyName
    signingKeyName: signingKeyName
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsWorkspaceResourceId
    keyRoleAssignments: [
      union(appRole, {
        roleDefinitionId: roles.keyVaultCryptoUser
        description: 'Function App: wrapKey/unwrapKey with the key-encryption key, sign with the signing key.'
      })
    ]
  }
}

module serviceBus 'modules/serviceBus.bicep' = {
  name: 'serviceBus'
  scope: rg
  params: {
    name: 'sb-${resourceToken}'
    location: location
    tags: allTags
    // Private endpoints need Premium; Standard is the cheapest tier with duplicate detection.
    skuName: networkIsolation ? 'Premium' : 'Standard'
    publicNetworkAccess: dataPublicNetworkAccess
    queueNames: [
      exchangeQueueName
    ]
    maxDeliveryCount: 5
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsWorkspaceResourceId
    queueRoleAssignments: [
      union(appRole, {
        roleDefinitionId: roles.serviceBusDataSender
        description: 'Function App: send exchange messages.'
      })
      union(appRole, {
        roleDefinitionId: roles.serviceBusDataReceiver
        description: 'Function App: hosted consumer of exchange messages.'
      })
    ]
  }
}

module network 'modules/network.bicep' = if (networkIsolation) {
  name: 'network'
  scope: rg
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: allTags
    addressPrefix: virtualNetworkAddressPrefix
    appSubnetPrefix: appSubnetPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetPrefix
    privateDnsZoneNames: [for group in privateEndpointGroups: group.zone]
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsWorkspaceResourceId
  }
}

module privateEndpoints 'modules/privateEndpoint.bicep' = [
  for (group, i) in privateEndpointGroups: if (networkIsolation) {
    name: 'privateEndpoint-${group.groupId}'
    scope: rg
    params: {
      name: 'pe-${group.groupId}-${resourceToken}'
      location: location
      tags: allTags
      privateLinkServiceId: group.service == 'storage'
        ? storage.outputs.resourceId
        : group.service == 'keyVault' ? keyVault.outputs.resourceId : serviceBus.outputs.resourceId
      groupId: group.groupId
      subnetResourceId: network!.outputs.privateEndpointSubnetResourceId
      privateDnsZoneResourceId: network!.outputs.privateDnsZoneResourceIds[i]
    }
  }
]

// Read after the monitoring module created it: its connection string becomes an app setting, never an output.
resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
  scope: rg
  dependsOn: [
    monitoring
  ]
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: allTags
    serviceName: serviceName
    identityResourceId: identity.outputs.resourceId
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    virtualNetworkSubnetResourceId: networkIsolation ? network!.outputs.appSubnetResourceId : null
    alwaysReadyInstanceCount: alwaysReadyInstanceCount
    maximumInstanceCount: maximumInstanceCount
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsWorkspaceResourceId
    tenants: tenants
    cardTrustAnchors: cardTrustAnchors
    // Every setting the application reads in Azure (AppSettingNames.RequiredInAzure) plus monitoring;
    // identity-based connections only, no keys, connection strings or secrets.
    appSettings: {
      AZURE_CLIENT_ID: identity.outputs.clientId
      Storage__TableServiceUri: storage.outputs.tableEndpoint
      Storage__QueueServiceUri: storage.outputs.queueEndpoint
      Keys__Provider: 'KeyVault'
      Keys__KeyVaultUri: keyVault.outputs.uri
      Keys__KeyEncryptionKeyName: keyVault.outputs.keyEncryptionKeyName
      Keys__SigningKeyName: keyVault.outputs.signingKeyName
      Auth__Authority: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
      Auth__Issuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
      Auth__Audience: authAudience
      Exchange__Transport: 'ServiceBus'
      ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      ExchangeQueueName: exchangeQueueName
      RetentionQueueName: retentionQueueName
      IngestionQueueName: ingestionQueueName
      RetentionSweepSchedule: retentionSweepSchedule
      Certificates__Issuer: empty(certificateIssuer) ? 'https://func-${resourceToken}.azurewebsites.net/api' : certificateIssuer
      Certificates__BarcodeSignerCertificate: barcodeSignerCertificate
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
      AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
      AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
      // Not a secret: with local auth disabled, ingestion also needs the Entra token below.
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.outputs.clientId}'
    }
  }
}

@description('The region (azd reads it back into the environment).')
output AZURE_LOCATION string = location

@description('The Entra ID tenant that issues the callers\' tokens.')
output AZURE_TENANT_ID string = entraTenantId

@description('The resource group holding every resource of the environment.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('The Function App name (azd deploy target).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('The Function App base URL, for the post-deployment checks.')
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'

@description('The client id of the Function App\'s user-assigned identity.')
output AZURE_CLIENT_ID string = identity.outputs.clientId

@description('The Key Vault URI.')
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri

@description('The Service Bus namespace host name.')
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace

@description('The storage account name.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
