/** CSV export of beta requests (RFC 4180), with cells that a spreadsheet would run as a formula neutralised by a leading '. */
import type { BetaRequest } from './store';

const COLUMNS = [
  'reference',
  'status',
  'created_at',
  'decided_at',
  'legal_name',
  'tax_id',
  'tax_id_kind',
  'contact_name',
  'email',
  'role',
  'use_case',
  'use_case_details',
  'monthly_volume',
  'integration',
  'lang',
] as const;

/** Text that starts with = + - @ (or a tab or carriage return, which some spreadsheets skip) gets a ' in front. */
export function csvCell(value: unknown): string {
  let s = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function requestsCsv(rows: readonly BetaRequest[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
