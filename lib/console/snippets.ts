/**
 * "Copy as cURL / TypeScript / PHP" for a request the console just sent: the same method, URL, headers and body,
 * with the key never written out — the snippets read it from FACTUAREA_API_KEY, and a comment says whose it was.
 */

export interface SentRequest {
  method: string;
  /** The API URL the request went to (not the proxy's). */
  url: string;
  /** Headers as sent, without any key. */
  headers: [string, string][];
  body?: string;
  /** Whose key went with it: the site's (never shown) or the visitor's own (shown masked). */
  key: { owner: 'site' | 'own'; masked?: string };
}

export type SnippetLang = 'curl' | 'typescript' | 'php';

export const SNIPPET_LABELS: Record<SnippetLang, string> = { curl: 'cURL', typescript: 'TypeScript', php: 'PHP' };

const KEY_HEADERS = new Set(['authorization', 'x-api-key', 'cookie']);

function keyNote(req: SentRequest): string {
  return req.key.owner === 'own' && req.key.masked
    ? `Key: your key ${req.key.masked}. Set FACTUAREA_API_KEY to it.`
    : 'Key: this site held the key, and it is not shown. Set FACTUAREA_API_KEY to a fact_test_ key of your own.';
}

const headersOf = (req: SentRequest) => req.headers.filter(([name]) => !KEY_HEADERS.has(name.toLowerCase()));
const shellSingle = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const phpSingle = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The body as a JS expression: `JSON.stringify({...})` for JSON, a string literal otherwise. */
function jsBody(body: string, indent: string): string {
  try {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    return `JSON.stringify(${pretty.replace(/\n/g, `\n${indent}`)})`;
  } catch {
    return JSON.stringify(body);
  }
}

export function curlSnippet(req: SentRequest): string {
  const lines = [
    `curl${req.method === 'GET' ? '' : ` -X ${req.method}`} ${shellSingle(req.url)}`,
    `  -H "Authorization: Bearer $FACTUAREA_API_KEY"`,
  ];
  for (const [k, v] of headersOf(req)) lines.push(`  -H ${shellSingle(`${k}: ${v}`)}`);
  if (req.body !== undefined) lines.push(`  --data-raw ${shellSingle(req.body)}`);
  return `# ${keyNote(req)}\n${lines.join(' \\\n')}`;
}

export function typescriptSnippet(req: SentRequest): string {
  const headers = [
    `    Authorization: \`Bearer \${process.env.FACTUAREA_API_KEY}\`,`,
    ...headersOf(req).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`),
  ];
  return [
    `// ${keyNote(req)}`,
    `const response = await fetch(${JSON.stringify(req.url)}, {`,
    `  method: ${JSON.stringify(req.method)},`,
    `  headers: {`,
    ...headers,
    `  },`,
    ...(req.body !== undefined ? [`  body: ${jsBody(req.body, '  ')},`] : []),
    `});`,
    `console.log(response.status, await response.text());`,
  ].join('\n');
}

export function phpSnippet(req: SentRequest): string {
  const headers = [
    `        'Authorization: Bearer ' . getenv('FACTUAREA_API_KEY'),`,
    ...headersOf(req).map(([k, v]) => `        ${phpSingle(`${k}: ${v}`)},`),
  ];
  return [
    `<?php`,
    `// ${keyNote(req)}`,
    `$ch = curl_init(${phpSingle(req.url)});`,
    `curl_setopt_array($ch, [`,
    `    CURLOPT_CUSTOMREQUEST => ${phpSingle(req.method)},`,
    `    CURLOPT_HTTPHEADER => [`,
    ...headers,
    `    ],`,
    ...(req.body !== undefined ? [`    CURLOPT_POSTFIELDS => ${phpSingle(req.body)},`] : []),
    `    CURLOPT_RETURNTRANSFER => true,`,
    `]);`,
    `$body = curl_exec($ch);`,
    `echo curl_getinfo($ch, CURLINFO_HTTP_CODE), PHP_EOL, $body, PHP_EOL;`,
  ].join('\n');
}

export function snippet(lang: SnippetLang, req: SentRequest): string {
  return lang === 'curl' ? curlSnippet(req) : lang === 'typescript' ? typescriptSnippet(req) : phpSnippet(req);
}
