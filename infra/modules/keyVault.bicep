metadata name = 'Key Vault'
metadata description = 'Key Vault (RBAC authorization, soft delete, purge protection) holding the key-encryption key (RSA, RSA-OAEP-256 wrap/unwrap) and the certificate signing key (EC P-256, ES256), both with rotation policies.'

import { roleAssignmentType } from 'types.bicep'

@description('Required. The vault name (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. The Azure region.')
param location string

@description('Optional. Tags for every resource.')
param tags object = {}

@description('Optional. The vault SKU. Premium keeps keys in HSMs (kty RSA-HSM / EC-HSM).')
@allowed([
  'standard'
  'premium'
])
param skuName string = 'standard'

@description('Optional. Whether the public endpoint accepts traffic. Disabled means private endpoints only.')
@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Disabled'

@description('Optional. Days a deleted vault or key stays recoverable (purge protection is always on).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Required. The name of the key-encryption key that wraps the tenants\' data keys.')
@minLength(1)
@maxLength(127)
param keyEncryptionKeyName string

@description('Optional. The RSA modulus size of the key-encryption key.')
@allowed([
  3072
  4096
])
param keyEncryptionKeySize int = 3072

@description('Required. The name of the EC P-256 key that signs certificates (ES256).')
@minLength(1)
@maxLength(127)
param signingKeyName string

@description('Optional. ISO 8601 duration after creation at which a key version is rotated.')
param rotateAfter string = 'P335D'

@description('Optional. ISO 8601 lifetime of each key version; rotation happens before it expires.')
param keyLifetime string = 'P1Y'

@description('Optional. ISO 8601 duration before expiry at which Event Grid is notified (a safety net if rotation fails).')
param notifyBeforeExpiry string = 'P30D'

@description('Required. The Log Analytics workspace every diagnostic setting sends to.')
param logAnalyticsWorkspaceResourceId string

@description('Optional. Role assignments on each of the two keys (least privilege: not the whole vault), e.g. Key Vault Crypto User.')
param keyRoleAssignments roleAssignmentType[] = []

var rotationPolicy = {
  attributes: {
    expiryTime: keyLifetime
  }
  lifetimeActions: [
    {
      trigger: {
        timeAfterCreate: rotateAfter
      }
      action: {
        type: 'rotate'
      }
    }
    {
      trigger: {
        timeBeforeExpiry: notifyBeforeExpiry
      }
      action: {
        type: 'notify'
      }
    }
  ]
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: skuName
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: publicNetworkAccess == 'Disabled' ? 'Deny' : 'Allow'
    }
  }
}

// The application wraps and unwraps each tenant's data keys with RSA-OAEP-256; it never encrypts data with this key.
resource keyEncryptionKey 'Microsoft.KeyVault/vaults/keys@2024-11-01' = {
  parent: vault
  name: keyEncryptionKeyName
  tags: tags
  properties: {
    kty: skuName == 'premium' ? 'RSA-HSM' : 'RSA'
    keySize: keyEncryptionKeySize
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
    attributes: {
      enabled: true
      exportable: false
    }
    rotationPolicy: rotationPolicy
  }
}

// Certificates are signed with ES256 (ECDSA on P-256 with SHA-256).
resource signingKey 'Microsoft.KeyVault/vaults/keys@2024-11-01' = {
  parent: vault
  name: signingKeyName
  tags: tags
  properties: {
    kty: skuName == 'premium' ? 'EC-HSM' : 'EC'
    curveName: 'P-256'
    keyOps: [
      'sign'
      'verify'
    ]
    attributes: {
      enabled: true
      exportable: false
    }
    rotationPolicy: rotationPolicy
  }
}

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-workspace'
  scope: vault
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

resource keyEncryptionKeyRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in keyRoleAssignments: {
    name: guid(
      keyEncryptionKey.id,
      assignment.principalId,
      subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
    )
    scope: keyEncryptionKey
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalId: assignment.principalId
      principalType: assignment.?principalType ?? 'ServicePrincipal'
      description: assignment.?description
    }
  }
]

resource signingKeyRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in keyRoleAssignments: {
    name: guid(
      signingKey.id,
      assignment.principalId,
      subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
    )
    scope: signingKey
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalId: assignment.principalId
      principalType: assignment.?principalType ?? 'ServicePrincipal'
      description: assignment.?description
    }
  }
]

@description('The vault resource id (target of the vault private endpoint).')
output resourceId string = vault.id

@description('The vault name.')
output name string = vault.name

@description('The vault URI, e.g. https://<name>.vault.azure.net/.')
output uri string = vault.properties.vaultUri

@description('The key-encryption key name (not key material).')
output keyEncryptionKeyName string = keyEncryptionKey.name

@description('The signing key name (not key material).')
output signingKeyName string = signingKey.name
