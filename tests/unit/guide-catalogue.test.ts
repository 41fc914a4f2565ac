/** The catalogues the guides generate from the OpenAPI document: nothing lost, nothing invented. */
import { describe, expect, it } from 'vitest';
import {
  errorCodes,
  errorTypes,
  eventAnchor,
  eventFamilies,
  familySlug,
  irreversibleOperations,
  scopeCatalogue,
} from '@/lib/guides/catalogue';
import { changelogRss } from '@/lib/changelog/rss';
import { changelog } from '@/lib/changelog/entries';
import { openapiDocument } from '@/lib/openapi/document';
import { listOperations } from '@/lib/openapi/operations';

const doc = openapiDocument();
const ops = listOperations(doc);

describe('scope catalogue', () => {
  it('lists every operation exactly once, under the scope it declares', () => {
    const scopes = scopeCatalogue(doc);
    expect(scopes.flatMap((s) => s.operations).length).toBe(ops.length);
    for (const s of scopes) for (const op of s.operations) expect(ops.find((o) => o.operationId === op.operationId)?.scope).toBe(s.scope);
    expect(scopes.map((s) => s.scope)).toContain('pdfs:read');
  });

  it('lists the irreversible operations', () => {
    expect(irreversibleOperations(doc).length).toBe(ops.filter((o) => o.raw['x-irreversible'] === true).length);
  });
});

describe('error catalogue', () => {
  it('gives every code a known type, a status that type allows, a cause and a fix', () => {
    const types = new Map(errorTypes(doc).map((t) => [t.type, t.status]));
    expect(types.size).toBe(10);
    for (const c of errorCodes(doc)) {
      expect(types.has(c.type), c.code).toBe(true);
      expect(c.cause.length, c.code).toBeGreaterThan(10);
      expect(c.fix.length, c.code).toBeGreaterThan(10);
    }
  });

  it('covers every code the document’s error examples use', () => {
    const known = new Set(errorCodes(doc).map((c) => c.code));
    const used = new Set([...JSON.stringify(doc).matchAll(/guides\/errors#([a-z_]+)/g)].map((m) => m[1]));
    expect([...used].filter((c) => !known.has(c))).toEqual([]);
  });
});

describe('event catalogue', () => {
  it('groups every webhook event type of the document into families with unique anchors', () => {
    const families = eventFamilies(doc);
    const events = families.flatMap((f) => f.events);
    expect(events.length).toBe(Object.keys(doc.webhooks as object).length);
    expect(new Set(events.map((e) => eventAnchor(e.name))).size).toBe(events.length);
    expect(families.map((f) => familySlug(f.family))).toContain('delivery-note');
    expect(events.every((e) => e.summary && e.description)).toBe(true);
  });
});

describe('changelog feed', () => {
  it('is RSS 2.0 with one item per entry and absolute links', () => {
    const xml = changelogRss('https://docs.factuarea.com');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect((xml.match(/<item>/g) ?? []).length).toBe(changelog.length);
    expect(xml).toContain('<link>https://docs.factuarea.com/changelog#v1-private-beta</link>');
    expect(xml).not.toMatch(/\]\(\//);
    expect(new Set(changelog.map((e) => e.id)).size).toBe(changelog.length);
  });
});
