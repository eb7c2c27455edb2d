metadata name = 'Private endpoint'
metadata description = 'A private endpoint for one sub-resource (group) of a data service, registered in its private DNS zone.'

@description('Required. The private endpoint name.')
@minLength(2)
@maxLength(64)
param name string

@description('Required. The Azure region.')
param location string

@description('Optional. Tags for the endpoint.')
param tags object = {}

@description('Required. The resource the endpoint connects to (storage account, key vault, Service Bus namespace).')
param privateLinkServiceId string

@description('Required. The sub-resource (group id): blob, queue, table, vault or namespace.')
@allowed([
  'blob'
  'queue'
  'table'
  'vault'
  'namespace'
])
param groupId string

@description('Required. The subnet that holds the endpoint\'s network interface.')
param subnetResourceId string

@description('Required. The private DNS zone the endpoint registers its address in.')
param privateDnsZoneResourceId string

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetResourceId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: privateLinkServiceId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }
}

resource dnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: groupId
        properties: {
          privateDnsZoneId: privateDnsZoneResourceId
        }
      }
    ]
  }
}

@description('The private endpoint resource id.')
output resourceId string = privateEndpoint.id
