metadata name = 'Service Bus'
metadata description = 'Service Bus namespace (Entra ID only) and the queues of the inter-municipality exchange: duplicate detection, dead-lettering on expiry, five deliveries before dead-lettering.'

import { roleAssignmentType } from 'types.bicep'

@description('Required. The namespace name (6-50 characters, globally unique).')
@minLength(6)
@maxLength(50)
param name string

@description('Required. The Azure region.')
param location string

@description('Optional. Tags for every resource.')
param tags object = {}

@description('Optional. The tier. Private endpoints (and so network isolation) need Premium; Standard is the cheapest tier with duplicate detection.')
@allowed([
  'Standard'
  'Premium'
])
param skuName string = 'Premium'

@description('Optional. Messaging units of a Premium namespace.')
@allowed([
  1
  2
  4
  8
  16
])
param premiumCapacity int = 1

@description('Optional. Whether the public endpoint accepts traffic. Disabled means private endpoints only (Premium).')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Disabled'

@description('Required. One queue per use of the exchange.')
@minLength(1)
param queueNames string[]

@description('Optional. Deliveries before a message is dead-lettered.')
@minValue(1)
@maxValue(10)
param maxDeliveryCount int = 5

@description('Optional. ISO 8601 window in which a message id sent twice is dropped.')
param duplicateDetectionWindow string = 'PT10M'

@description('Optional. ISO 8601 time to live of a message; expired messages are dead-lettered, not dropped.')
param defaultMessageTimeToLive string = 'P14D'

@description('Optional. ISO 8601 peek-lock duration (at most 5 minutes).')
param lockDuration string = 'PT1M'

@description('Required. The Log Analytics workspace every diagnostic setting sends to.')
param logAnalyticsWorkspaceResourceId string

@description('Optional. Role assignments on each queue (least privilege: not the whole namespace), e.g. Azure Service Bus Data Sender and Data Receiver.')
param queueRoleAssignments roleAssignmentType[] = []

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
    capacity: skuName == 'Premium' ? premiumCapacity : null
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: publicNetworkAccess
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: namespace
    name: queueName
    properties: {
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      deadLetteringOnMessageExpiration: true
      maxDeliveryCount: maxDeliveryCount
      defaultMessageTimeToLive: defaultMessageTimeToLive
      lockDuration: lockDuration
      requiresSession: false
      enableBatchedOperations: true
      maxSizeInMegabytes: 1024
    }
  }
]

resource namespaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: namespace
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

// Bicep cannot nest loops in one resource declaration: one assignment per (queue, role) pair.
var queueAssignmentPairs = flatten(map(
  range(0, length(queueNames)),
  q => map(queueRoleAssignments, assignment => { queueIndex: q, assignment: assignment })
))

resource queueRoleAssignmentResources 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for pair in queueAssignmentPairs: {
    name: guid(
      queues[pair.queueIndex].id,
      pair.assignment.principalId,
      subscriptionResourceId('Microsoft.Authorization/roleDefinitions', pair.assignment.roleDefinitionId)
    )
    scope: queues[pair.queueIndex]
    properties: {
      roleDefinitionId: subscriptionResourceId(
        'Microsoft.Authorization/roleDefinitions',
        pair.assignment.roleDefinitionId
      )
      principalId: pair.assignment.principalId
      principalType: pair.assignment.?principalType ?? 'ServicePrincipal'
      description: pair.assignment.?description
    }
  }
]

@description('The namespace resource id (target of the namespace private endpoint).')
output resourceId string = namespace.id

@description('The namespace name.')
output name string = namespace.name

@description('The namespace host name for identity-based connections (ServiceBusConnection__fullyQualifiedNamespace).')
output fullyQualifiedNamespace string = replace(
  replace(namespace.properties.serviceBusEndpoint, 'https://', ''),
  ':443/',
  ''
)
