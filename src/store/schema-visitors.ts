// The tables of view de-duplication shared by every instance (migration 0038), apart from schema.ts to keep it short.

/** The day's secret for hashing view beacons' visitors (0038); `day` counts UTC days since the epoch. */
export interface ViewSecretsTable {
  day: number
  secret: string
}

/** A visitor+article key counted lately, by any instance, and when its window ends. */
export interface ViewVisitorsTable {
  visitor_key: string
  expires_at: number
}

/** An address+article key: the views counted from it until `expires_at`, by every instance. */
export interface ViewAddressesTable {
  address_key: string
  expires_at: number
  views: number
}

export interface VisitorTables {
  view_secrets: ViewSecretsTable
  view_visitors: ViewVisitorsTable
  view_addresses: ViewAddressesTable
}
