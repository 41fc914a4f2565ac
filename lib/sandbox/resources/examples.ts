/**
 * Operations without state of their own (VeriFactu, FacturaE, tax reports, Stripe, statistics...): after
 * authentication, scope and validation they answer with the success example the document gives, or with a
 * small valid file for downloads. Ids in the path must exist (in the company's objects, or among the
 * document's examples for kinds the sandbox does not store); anything else is a 404.
 */
import type { JsonObject } from '../../openapi/bundle';
import type { Operation } from '../../openapi/operations';
import { isObject } from '../../openapi/walk';
import type { Handler } from '../context';
import { ApiError } from '../errors';
import { kindOfParam } from '../kinds';
import { exampleObjects } from '../seed';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A minimal but valid file of each kind the API downloads. */
export function sampleFile(contentType: string, title: string): Uint8Array {
  if (contentType === 'application/pdf') {
    const text = `BT /F1 12 Tf 72 720 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((o, i) => {
      offsets.push(pdf.length);
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return new TextEncoder().encode(pdf);
  }
  if (contentType === 'application/zip') return new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
  if (contentType.includes('xml'))
    return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- ${title} -->\n<Sandbox/>\n`);
  if (contentType.startsWith('text/')) return new TextEncoder().encode(`${title}\n`);
  if (contentType === 'image/png')
    return Uint8Array.from(
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
    );
  return new TextEncoder().encode(title);
}

export function exampleHandler(op: Operation): Handler {
  return async (ctx) => {
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      const value = ctx.req.path[p.name];
      const kind = kindOfParam(ctx.spec, p.name);
      const known = kind ? !!(await ctx.store.get(kind.kind, value)) : !UUID_RE.test(value) || exampleObjects(ctx.spec).has(value);
      if (!known)
        throw new ApiError('resource_not_found', `No ${p.name.replace(/_/g, ' ')} with that id exists in this sandbox company.`, p.name);
    }
    const successes = op.responses.filter((r) => r.status.startsWith('2'));
    const response =
      (op.method === 'post' && successes.find((r) => r.status === '201')) || successes.find((r) => r.status === '200') || successes[0];
    if (!response) return { status: 204 };
    const status = Number(response.status);
    const json = response.content.find((c) => c.mediaType.includes('json'));
    if (json) {
      const value = structuredClone(json.examples[0]?.value ?? {});
      const last = op.parameters.filter((x) => x.in === 'path').at(-1);
      const wanted = last ? ctx.req.path[last.name] : undefined;
      if (isObject(value) && isObject(value.data) && wanted && value.data.id !== wanted) {
        const same = (exampleObjects(ctx.spec).get(wanted) ?? []).find((o) => o.object === (value.data as JsonObject).object);
        if (same) value.data = structuredClone(same);
      }
      return { status, body: value };
    }
    const file = response.content[0];
    if (file)
      return { status, binary: { contentType: file.mediaType, bytes: sampleFile(file.mediaType, `${op.summary} (Factuarea sandbox)`) } };
    return { status };
  };
}
