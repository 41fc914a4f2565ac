/**
 * Events: every change a handler makes records an event of a catalogue type (`GET /event-catalog`, the
 * document's `webhooks`) with `livemode: false`, the object as its retrieve operation shows it in `data`,
 * and the request's correlation id. The sandbox keeps the newest EVENTS_KEPT events per company.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Json, JsonObject } from '../openapi/bundle';
import { isObject } from '../openapi/walk';
import { shape } from './objects';
import type { SandboxSpec } from './spec';
import type { Store } from './store';

export const EVENTS_KEPT = 1_000;

const variantCache = new WeakMap<SandboxSpec, Map<string, JsonObject>>();

/** The `EventData` variant of each event type, from the `oneOf` of the document's `EventData` schema. */
function variants(spec: SandboxSpec): Map<string, JsonObject> {
  let map = variantCache.get(spec);
  if (map) return map;
  map = new Map();
  const schemas = isObject(spec.doc.components) && isObject(spec.doc.components.schemas) ? spec.doc.components.schemas : {};
  const eventData = isObject(schemas.EventData) ? schemas.EventData : {};
  for (const ref of (Array.isArray(eventData.oneOf) ? eventData.oneOf : []) as Json[]) {
    const v = spec.resolve(ref);
    const props = isObject(v.properties) ? v.properties : {};
    const t = isObject(props.type) ? props.type.const : undefined;
    if (typeof t === 'string') map.set(t, v);
  }
  variantCache.set(spec, map);
  return map;
}

/** `data` of an event: the variant's fields, the ones the handler did not give filled with neutral values. */
function eventData(spec: SandboxSpec, type: string, object: JsonObject, extra: JsonObject = {}): JsonObject {
  const variant = variants(spec).get(type);
  const candidate: JsonObject = { type, object: type.endsWith('.deleted') ? { ...object, deleted: true } : object, ...extra };
  if (!variant) return candidate;
  const data = shape(spec, variant, candidate);
  if (spec.validator(variant)(data) === true) return data;
  return shape(spec, variant, { ...candidate, object: { id: object.id ?? null, deleted: true } });
}

export async function recordEvent(
  spec: SandboxSpec,
  store: Store,
  e: { type: string; object: JsonObject; extra?: JsonObject; correlationId: string; version: string; now: Date },
): Promise<JsonObject | undefined> {
  if (!spec.eventTypes.has(e.type)) return undefined;
  const id = uuidv7();
  const event: JsonObject = {
    id,
    object: 'event',
    type: e.type,
    aggregate_id: typeof e.object.id === 'string' ? e.object.id : null,
    correlation_id: e.correlationId,
    api_version: e.version,
    livemode: false,
    data: eventData(spec, e.type, e.object, e.extra),
    created: Math.floor(e.now.getTime() / 1000),
  };
  await store.insert('events', id, event, {}, e.now.toISOString());
  return event;
}

/** Drops the oldest events beyond EVENTS_KEPT. */
export async function trimEvents(store: Store): Promise<void> {
  await store.q.query(
    `DELETE FROM sandbox_objects WHERE company_id = $1 AND kind = 'events' AND id IN (
       SELECT id FROM sandbox_objects WHERE company_id = $1 AND kind = 'events' ORDER BY created_at DESC, id DESC OFFSET $2)`,
    [store.companyId, EVENTS_KEPT],
  );
}
