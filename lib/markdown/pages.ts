/** Every page of the site as Markdown: guides from their processed MDX, operations from the document. */
import { openapiDocument } from '../openapi/document';
import { findOperation } from '../openapi/reference';
import { operationMarkdown } from './operation';
import { siteUrl } from '../site';
import { guidePages, referencePages, source } from '../source';

type AnyPage = ReturnType<typeof source.getPages>[number];

export async function pageMarkdown(page: AnyPage): Promise<string> {
  if (page.type === 'openapi') {
    const op = findOperation(openapiDocument(), page.slugs.slice(1));
    if (op) return operationMarkdown(openapiDocument(), op, `${siteUrl}${page.url}`);
  }
  if (page.type === 'docs') {
    const body = await page.data.getText('processed');
    return `# ${page.data.title}\n\n${page.data.description ? `${page.data.description}\n\n` : ''}${body}`;
  }
  return '';
}

export function allPages(): AnyPage[] {
  return [...guidePages(), ...referencePages()];
}

export function llmsIndex(): string {
  const lines = [
    '# Factuarea API',
    '',
    '> REST API for invoicing in Spain: clients, products, invoices with IVA, IRPF and recargo de equivalencia, quotes, proformas, delivery notes, purchases, VeriFactu, FacturaE/FACe and webhooks. Base URL https://api.factuarea.com/v1.',
    '',
    `Every page is also available as Markdown by adding \`.md\` to its URL. The whole site in one file: ${siteUrl}/llms-full.txt. The OpenAPI document: ${siteUrl}/api/openapi.`,
    '',
    '## Guides',
    '',
  ];
  for (const p of guidePages())
    lines.push(`- [${p.data.title}](${siteUrl}${p.url}.md)${p.data.description ? `: ${p.data.description}` : ''}`);
  lines.push('', '## API reference', '');
  const doc = openapiDocument();
  for (const p of referencePages()) {
    const op = findOperation(doc, p.slugs.slice(1));
    if (op) lines.push(`- [${op.summary}](${siteUrl}${p.url}.md): \`${op.method.toUpperCase()} ${op.path}\``);
  }
  return lines.join('\n') + '\n';
}
