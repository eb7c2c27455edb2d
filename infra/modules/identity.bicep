metadata name = 'User-assigned managed identity'
metadata description = 'The identity the Function App uses for every Azure data plane (storage, Key Vault, Service Bus, Application Insights).'

@description('Required. The identity name.')
@minLength(3)
@maxLength(128)
param name string

@description('Required. The Azure region.')
param location string

@description('Optional. Tags for the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('The identity resource id, attached to the Function App.')
output resourceId string = identity.id

@description('The identity name.')
output name string = identity.name

@description('The client (application) id, used by DefaultAzureCredential / ManagedIdentityCredential in the app.')
output clientId string = identity.properties.clientId

@description('The principal (object) id, the subject of the data-plane role assignments.')
output principalId string = identity.properties.principalId
