/** Logs never carry secrets: keys, bearer tokens, webhook secrets and connection-string passwords are redacted. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, redact } from '@/lib/log';

afterEach(() => vi.restoreAllMocks());

describe('redact', () => {
  it('hides API keys, bearer tokens, webhook secrets and passwords in URLs', () => {
    const text =
      'key fact_live_51HbRxExampleKey0000000A and fact_test_51HbRxExampleKey0000000A, Authorization: Bearer abc.def, whsec_9fK2mQ7xL4vB8n, postgres://app:s3cret@db:5432/x';
    const out = redact(text);
    for (const secret of ['51HbRxExampleKey0000000A', 'abc.def', '9fK2mQ7xL4vB8n', 's3cret']) expect(out).not.toContain(secret);
    expect(out).toContain('fact_live_[redacted]');
    expect(out).toContain('postgres://app:[redacted]@db:5432/x');
  });
});

describe('log', () => {
  it('writes one JSON line with the request id, and redacts fields named like secrets and secret-looking values', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((l: string) => void lines.push(l));
    log('info', 'proxied with fact_test_51HbRxExampleKey0000000A', {
      request_id: 'req_01KN6M52X02RDT88NF7D4KTD43',
      apiKey: 'anything',
      nested: { authorization: 'x', note: 'Bearer zzz' },
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({
      level: 'info',
      request_id: 'req_01KN6M52X02RDT88NF7D4KTD43',
      apiKey: '[redacted]',
      nested: { authorization: '[redacted]', note: 'Bearer [redacted]' },
    });
    expect(lines[0]).not.toContain('51HbRxExampleKey');
  });
});
