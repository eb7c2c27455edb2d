metadata name = 'Monitoring'
metadata description = 'Log Analytics workspace and workspace-based Application Insights with local (instrumentation-key) authentication disabled.'

import { roleAssignmentType } from 'types.bicep'

@description('Required. The Log Analytics workspace name.')
@minLength(4)
@maxLength(63)
param logAnalyticsName string

@description('Required. The Application Insights component name.')
@minLength(1)
@maxLength(260)
param applicationInsightsName string

@description('Required. The Azure region.')
param location string

@description('Optional. Tags for every resource.')
param tags object = {}

@description('Optional. Days the workspace keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 90

@description('Optional. Role assignments on the Application Insights component (e.g. Monitoring Metrics Publisher for the app identity).')
param roleAssignments roleAssignmentType[] = []

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
      enableLogAccessUsingOnlyResourcePermissions: true
    }
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
    RetentionInDays: retentionInDays
  }
}

// The workspace's own audit logs (queries run against it) and metrics go to itself.
resource workspaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: workspace
  properties: {
    workspaceId: workspace.id
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

// Telemetry of a workspace-based component already lands in the workspace; only its metrics are exported here,
// so the logs are not stored twice.
resource applicationInsightsDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: applicationInsights
  properties: {
    workspaceId: workspace.id
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource applicationInsightsRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(
      applicationInsights.id,
      assignment.principalId,
      subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
    )
    scope: applicationInsights
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalId: assignment.principalId
      principalType: assignment.?principalType ?? 'ServicePrincipal'
      description: assignment.?description
    }
  }
]

@description('The Log Analytics workspace resource id, the one destination of every diagnostic setting.')
output logAnalyticsWorkspaceResourceId string = workspace.id

@description('The Application Insights component name.')
output applicationInsightsName string = applicationInsights.name
