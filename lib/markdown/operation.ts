/**
 * An operation as plain Markdown for agents and `<page>.md`: what it does, scope, parameters, request
 * and response fields, examples and errors — real Markdown, never component markup.
 */
import type { Json, JsonObject } from '../openapi/bundle';
import { errorCodesOf, type Operation } from '../openapi/operations';
import { generateSamples } from '../openapi/samples';
import { describeType, flattenSchema } from '../openapi/schema';

const oneLine = (s?: Json) => (typeof s === 'string' ? s.replace(/\s*\n\s*/g, ' ').trim() : '');
const cell = (s?: Json) => oneLine(s).replace(/\|/g, '\\|');

function schemaList(doc: JsonObject, schema: Json, depth = 0, seen: string[] = []): string[] {
  if (depth > 4) return [];
  const flat = flattenSchema(doc, schema, seen);
  const lines: string[] = [];
  for (const p of flat.properties) {
    const t = describeType(doc, p.schema);
    const bits = [t.label, p.required ? 'required' : undefined].filter(Boolean).join(', ');
    const en = t.enum ? ` One of: ${t.enum.map((v) => `\`${String(v)}\``).join(', ')}.` : '';
    lines.push(`${'  '.repeat(depth)}- \`${p.name}\` (${bits}) — ${oneLine(t.description)}${en}`);
    lines.push(...schemaList(doc, p.schema, depth + 1, flat.seen));
  }
  for (const v of flat.variants) {
    lines.push(`${'  '.repeat(depth)}- One of: **${v.title}**`);
    lines.push(...schemaList(doc, v.schema, depth + 1, flat.seen));
  }
  return lines;
}

export function operationMarkdown(doc: JsonObject, op: Operation, url: string): string {
  const out: string[] = [`# ${op.summary}`, '', `\`${op.method.toUpperCase()} ${op.path}\``, ''];
  out.push(`- Operation id: \`${op.operationId}\``);
  if (op.scope) out.push(`- Required scope: \`${op.scope}\``);
  if (op.irreversible) out.push('- **Irreversible**: once it succeeds the change cannot be undone.');
  out.push(`- Reference page: ${url}`, '', op.description.trim(), '');

  const params = op.parameters;
  if (params.length) {
    out.push('## Parameters', '', '| name | in | type | required | description |', '| --- | --- | --- | --- | --- |');
    for (const p of params) {
      const t = describeType(doc, p.schema);
      const en = t.enum ? ` One of: ${t.enum.map((v) => `\`${String(v)}\``).join(', ')}.` : '';
      out.push(`| \`${p.name}\` | ${p.in} | ${t.label} | ${p.required ? 'yes' : 'no'} | ${cell(p.description)}${en} |`);
    }
    out.push('');
  }
  if (op.requestBody) {
    out.push('## Request body', '');
    for (const c of op.requestBody.content) {
      out.push(`Content type \`${c.mediaType}\`${op.requestBody.required ? ' (required)' : ''}:`, '', ...schemaList(doc, c.schema), '');
      if (c.examples[0]) out.push('Example:', '', '```json', JSON.stringify(c.examples[0].value, null, 2), '```', '');
    }
  }
  const curl = generateSamples(doc, op).find((s) => s.id === 'curl');
  if (curl) out.push('## Example request', '', '```bash', curl.code, '```', '');

  out.push('## Responses', '');
  const errors = op.responses.filter((r) => /^[45]/.test(r.status));
  for (const r of op.responses.filter((x) => /^[23]/.test(x.status))) {
    out.push(`### ${r.status}`, '', oneLine(r.description), '');
    for (const c of r.content) {
      out.push(`Content type \`${c.mediaType}\`.`, '');
      if (c.mediaType.includes('json')) out.push(...schemaList(doc, c.schema), '');
      if (c.examples[0]) out.push('Example:', '', '```json', JSON.stringify(c.examples[0].value, null, 2), '```', '');
    }
    if (r.headers.length) out.push('Headers: ' + r.headers.map((h) => `\`${h.name}\``).join(', ') + '.', '');
  }
  if (errors.length) {
    const codes = errorCodesOf(doc, errors);
    out.push('### Errors', '', '| status | when | error codes |', '| --- | --- | --- |');
    for (const r of errors)
      out.push(`| ${r.status} | ${cell(r.description)} | ${(codes.get(r.status) ?? []).map((c) => `\`${c}\``).join(', ')} |`);
    out.push('', 'Every error body is `{ "error": { "type", "code", "message", "param", "doc_url", "request_id" } }`.', '');
  }
  return out.join('\n');
}
