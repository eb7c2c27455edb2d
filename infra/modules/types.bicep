// Shared shapes, imported by main.bicep and the modules (Azure Verified Modules style, trimmed to what we use).
metadata name = 'Shared types'
metadata description = 'User-defined types shared by the vaccination-records templates.'

@export()
@description('A data-plane role assignment on the resource a module deploys.')
type roleAssignmentType = {
  @description('Required. The built-in role definition GUID (not the full resource id), e.g. Storage Queue Data Contributor.')
  @minLength(36)
  @maxLength(36)
  roleDefinitionId: string

  @description('Required. The object (principal) id the role is granted to.')
  principalId: string

  @description('Optional. The kind of principal. Defaults to ServicePrincipal (a managed identity).')
  principalType: ('ServicePrincipal' | 'User' | 'Group')?

  @description('Optional. Why the assignment exists, shown in the portal.')
  description: string?
}

@export()
@description('A municipality the deployment serves (a tenant). Emitted as the indexed app settings Tenants__<i>__<Field>.')
type tenantType = {
  @description('Required. The 6-digit local government code (全国地方公共団体コード) including its check digit, e.g. 012041.')
  @minLength(6)
  @maxLength(6)
  code: string

  @description('Required. The municipality name, e.g. Asahikawa.')
  @minLength(1)
  name: string

  @description('Required. The prefecture, e.g. Hokkaido.')
  @minLength(1)
  prefecture: string

  @description('Required. Years records are kept after they end; at least 5 (Immunization Act enforcement order art. 6-2).')
  @minValue(5)
  retentionYears: int

  @description('Required. Whether the municipality offers certificate issuance at convenience-store kiosks.')
  kioskIssuance: bool

  @description('Required. The number of storage partitions the tenant\'s subjects are spread over (the application default is 16). Fixed once the tenant has data.')
  @minValue(1)
  partitions: int
}
