metadata name = 'Virtual network'
metadata description = 'The virtual network of a network-isolated deployment: a subnet delegated to the Flex Consumption app (VNet integration), a subnet for private endpoints, and the private DNS zones of the data services.'

@description('Required. The virtual network name.')
@minLength(2)
@maxLength(64)
param name string

@description('Required. The Azure region.')
param location string

@description('Optional. Tags for every resource.')
param tags object = {}

@description('Optional. The address space of the network.')
param addressPrefix string = '10.40.0.0/16'

@description('Optional. The subnet the Function App integrates with (delegated to Microsoft.App/environments, /27 or larger).')
param appSubnetPrefix string = '10.40.0.0/24'

@description('Optional. The subnet that holds the private endpoints.')
param privateEndpointSubnetPrefix string = '10.40.1.0/24'

@description('Required. The private DNS zones to create and link to the network, e.g. privatelink.blob.core.windows.net.')
@minLength(1)
param privateDnsZoneNames string[]

@description('Required. The Log Analytics workspace every diagnostic setting sends to.')
param logAnalyticsWorkspaceResourceId string

var diagnosticSettingName = 'to-workspace'

resource appSubnetSecurityGroup 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-${name}-app'
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource privateEndpointSubnetSecurityGroup 'Microsoft.Network/networkSecurityGroups@2024-05-01' = {
  name: 'nsg-${name}-pe'
  location: location
  tags: tags
  properties: {
    securityRules: []
  }
}

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          networkSecurityGroup: {
            id: appSubnetSecurityGroup.id
          }
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          networkSecurityGroup: {
            id: privateEndpointSubnetSecurityGroup.id
          }
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: virtualNetwork
  name: 'app'
}

resource privateEndpointSubnet 'Microsoft.Network/virtualNetworks/subnets@2024-05-01' existing = {
  parent: virtualNetwork
  name: 'private-endpoints'
}

resource privateDnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zoneName in privateDnsZoneNames: {
    name: zoneName
    location: 'global'
    tags: tags
  }
]

resource privateDnsZoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zoneName, i) in privateDnsZoneNames: {
    parent: privateDnsZones[i]
    name: name
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: virtualNetwork.id
      }
    }
  }
]

resource virtualNetworkDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticSettingName
  scope: virtualNetwork
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

resource appSubnetSecurityGroupDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticSettingName
  scope: appSubnetSecurityGroup
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource privateEndpointSubnetSecurityGroupDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: diagnosticSettingName
  scope: privateEndpointSubnetSecurityGroup
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

@description('The virtual network resource id.')
output resourceId string = virtualNetwork.id

@description('The subnet the Function App integrates with.')
output appSubnetResourceId string = appSubnet.id

@description('The subnet that holds the private endpoints.')
output privateEndpointSubnetResourceId string = privateEndpointSubnet.id

@description('The private DNS zone resource ids, in the order of privateDnsZoneNames.')
output privateDnsZoneResourceIds string[] = [for (zoneName, i) in privateDnsZoneNames: privateDnsZones[i].id]
