/** CSV export: quoting, and cells a spreadsheet would run as formulas neutralised with a leading '. */
import { describe, expect, it } from 'vitest';
import { csvCell, requestsCsv } from '@/lib/beta/csv';
import type { BetaRequest } from '@/lib/beta/store';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+34 600', "'+34 600"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['a = b', 'a = b'],
  ])('%j → %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });
  it('writes dates as ISO 8601 and null as empty', () => {
    expect(csvCell(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvCell(null)).toBe('');
  });
});

describe('requestsCsv', () => {
  it('has a header row and one line per request', () => {
    const row = {
      reference: 'BETA-0123456789',
      status: 'pending',
      created_at: new Date(Date.UTC(2026, 10, 21)),
      decided_at: null,
      legal_name: 'Talleres, S.L.',
      tax_id: 'B64812738',
      tax_id_kind: 'cif',
      contact_name: 'Ana',
      email: 'ana@t.es',
      role: 'CTO',
      use_case: 'other',
      use_case_details: '=cmd|calc',
      monthly_volume: '<100',
      integration: 'cli',
      lang: 'en',
    } as BetaRequest;
    const lines = requestsCsv([row]).split('\r\n');
    expect(lines[0]).toBe(
      'reference,status,created_at,decided_at,legal_name,tax_id,tax_id_kind,contact_name,email,role,use_case,use_case_details,monthly_volume,integration,lang',
    );
    expect(lines[1]).toBe(
      `BETA-0123456789,pending,2026-11-21T00:00:00.000Z,,"Talleres, S.L.",B64812738,cif,Ana,ana@t.es,CTO,other,'=cmd|calc,<100,cli,en`,
    );
    expect(lines[2]).toBe('');
  });
});
