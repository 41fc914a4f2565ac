/** The fields of a beta-access request, their allowed values and length limits: shared by the API, the form and the store. */

export const USE_CASES = ['erp_sync', 'ecommerce', 'accounting_firm', 'saas_platform', 'internal_tool', 'other'] as const;
export const MONTHLY_VOLUMES = ['<100', '100-1000', '1000-10000', '>10000'] as const;
export const INTEGRATIONS = ['typescript_sdk', 'php_sdk', 'http', 'mcp', 'cli'] as const;
export const STATUSES = ['pending', 'approved', 'declined'] as const;
export const LANGS = ['en', 'es'] as const;

export type UseCase = (typeof USE_CASES)[number];
export type MonthlyVolume = (typeof MONTHLY_VOLUMES)[number];
export type Integration = (typeof INTEGRATIONS)[number];
export type BetaStatus = (typeof STATUSES)[number];
export type Lang = (typeof LANGS)[number];

/** Characters, after trimming. */
export const LIMITS = {
  legal_name: { min: 2, max: 200 },
  tax_id: { min: 1, max: 20 },
  contact_name: { min: 2, max: 120 },
  email: { min: 3, max: 254 },
  role: { min: 2, max: 100 },
  use_case_details: { min: 20, max: 2000 },
} as const;

/** The fields a requester fills in, in form order. */
export const FIELDS = [
  'legal_name',
  'tax_id',
  'contact_name',
  'email',
  'role',
  'use_case',
  'use_case_details',
  'monthly_volume',
  'integration',
  'consent',
] as const;
export type Field = (typeof FIELDS)[number];

/** The honeypot: hidden from people, left empty by them, filled in by bots. */
export const HONEYPOT = 'website';

/** A status from a query string or form, or undefined. */
export function parseStatus(value: unknown): BetaStatus | undefined {
  return STATUSES.find((s) => s === value);
}
