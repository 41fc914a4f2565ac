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

export interface Submission {
  company: number;
  status: number;
  reference?: string;
  duplicate?: boolean;
}

/**
 * Sends 100 requests at once to POST /api/beta-access: companies `first`…`first + 49`, each twice, each request
 * from its own client address (X-Forwarded-For) so the per-IP limit does not interfere. Returns the answers
 * and how long the whole burst took.
 */
export async function concurrentSubmissions(baseURL: string, first: number): Promise<{ results: Submission[]; ms: number }> {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      const company = first + (i % 50);
      const res = await fetch(`${baseURL}/api/beta-access`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.18.${Math.floor(first / 100) % 250}.${i + 1}` },
        body: JSON.stringify(requestBody(company, { contact_name: i < 50 ? 'Lucía Martín' : 'Pablo Ruiz' })),
      });
      const json = (await res.json()) as { data?: { reference: string; duplicate?: boolean } };
      return { company, status: res.status, reference: json.data?.reference, duplicate: json.data?.duplicate };
    }),
  );
  return { results, ms: performance.now() - started };
}

/** Every company got one reference, half the answers created it (201) and half found it (200, duplicate). */
export function checkOneReferencePerCompany(results: readonly Submission[]): string[] {
  const problems: string[] = [];
  const created = results.filter((r) => r.status === 201).length;
  const found = results.filter((r) => r.status === 200 && r.duplicate).length;
  if (created !== 50 || found !== 50) problems.push(`${created} created and ${found} found, expected 50 and 50`);
  const refs = new Map<number, Set<string | undefined>>();
  for (const r of results) refs.set(r.company, (refs.get(r.company) ?? new Set()).add(r.reference));
  for (const [company, set] of refs) if (set.size !== 1) problems.push(`company ${company} got ${set.size} references`);
  return problems;
}
