/**
 * One log line per proxied request, as JSON (lib/log.ts): the request id the browser sees (X-Request-Id), method,
 * the document's path template, status, the proxy's error code and time. Never the URL as sent, a query, a
 * header, a body, a key or an address.
 */
import { log } from '../log';

export interface LogEntry {
  /** X-Request-Id of the answer: the API's, or the proxy's own for a refusal. */
  request_id?: string;
  method: string;
  template?: string;
  status: number;
  code?: string;
  ms: number;
}

export type Logger = (entry: LogEntry) => void;

export const consoleLogger: Logger = ({ request_id, method, template, status, code, ms }) =>
  log(status >= 500 ? 'error' : 'info', `[proxy] ${method} ${template ?? '-'} ${status}${code ? ` ${code}` : ''}`, {
    request_id,
    method,
    template,
    status,
    code,
    ms: Math.round(ms),
  });
