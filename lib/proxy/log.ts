/**
 * One log line per proxied request: method, the document's path template, status, the proxy's error code and
 * time. Never the URL as sent, a query, a header, a body, a key or an address.
 */
export interface LogEntry {
  method: string;
  template?: string;
  status: number;
  code?: string;
  ms: number;
}

export type Logger = (entry: LogEntry) => void;

export const consoleLogger: Logger = ({ method, template, status, code, ms }) =>
  console.log(`[proxy] ${method} ${template ?? '-'} ${status}${code ? ` ${code}` : ''} ${ms.toFixed(0)}ms`);
