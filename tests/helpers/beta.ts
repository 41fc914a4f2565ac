/** Example beta-access requests for tests: valid CIFs computed from a company number, and complete request bodies. */
import { cifControl } from '@/lib/beta/tax-id';

/** A valid CIF (an S.L., letter B) for company number `n`. */
export function cif(n: number): string {
  const digits = String(1_000_000 + n).slice(-7);
  return `B${digits}${cifControl(digits)}`;
}

/** A complete, valid request body for company `n`, as the API receives it. */
export function requestBody(n: number, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    legal_name: `Empresa ${n}, S.L.`,
    tax_id: cif(n),
    contact_name: 'Lucía Martín',
    email: `lucia${n}@empresa.es`,
    role: 'CTO',
    use_case: 'ecommerce',
    use_case_details: 'Invoices for every order of our online shop.',
    monthly_volume: '1000-10000',
    integration: 'php_sdk',
    consent: true,
    ...patch,
  };
}
