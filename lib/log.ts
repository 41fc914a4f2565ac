/**
 * Structured logs: one JSON object per line on stdout/stderr, with the request id when there is one.
 * Every string passes through `redact`, so API keys, bearer tokens and secrets never reach a log line.
 */

const SECRET_PATTERNS: [RegExp, string][] = [
  [/fact_(live|test)_[A-Za-z0-9]{4,}/g, 'fact_$1_[redacted]'],
  [/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]'],
  [/whsec_[A-Za-z0-9]+/g, 'whsec_[redacted]'],
  [/(postgres(?:ql)?|redis|smtps?):\/\/([^:@/\s]+):([^@/\s]+)@/gi, '$1://$2:[redacted]@'],
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((s, [re, by]) => s.replace(re, by), text);
}

type Level = 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

function clean(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, /key|secret|token|password|authorization|cookie/i.test(k) ? '[redacted]' : clean(v)]),
    );
  return value;
}

export function log(level: Level, msg: string, fields: Fields = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg: redact(msg), ...(clean(fields) as Fields) });
  if (level === 'error') console.error(line);
  else console.log(line);
}
