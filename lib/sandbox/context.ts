/** What a resource handler receives for one request, and what it returns. */
import type { Json, JsonObject } from '../openapi/bundle';
import type { Operation } from '../openapi/operations';
import type { Principal } from './companies';
import type { SandboxSpec } from './spec';
import type { Store } from './store';
import type { ValidRequest } from './validate';

export interface Ctx {
  spec: SandboxSpec;
  op: Operation;
  /** `invoices` for `public-api.v1.invoices.mark_paid`. */
  resource: string;
  /** `mark_paid`. */
  action: string;
  store: Store;
  principal: Principal;
  req: ValidRequest;
  now: Date;
  requestId: string;
  version: string;
  /** Links the events one request records. */
  correlationId: string;
  /** Records an event of a catalogue type about an object (a no-op for types the catalogue lacks). */
  emit(type: string, object: JsonObject, extra?: JsonObject): Promise<void>;
}

export interface Result {
  status: number;
  body?: Json;
  binary?: { contentType: string; bytes: Uint8Array };
  headers?: Record<string, string>;
}

export type Handler = (ctx: Ctx) => Promise<Result>;

export const ok = (data: Json, status = 200): Result => ({ status, body: { data } });
