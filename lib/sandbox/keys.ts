/**
 * `POST /sandbox/keys`: a new test key with the scopes and rate-limit tier you choose, so that
 * `403 insufficient_scope` and `429` can be tried. With a test key in `Authorization` or `X-API-Key` the new
 * key works on the same sandbox company; without one it gets a new company seeded with the example data.
 */
import { ulid } from 'ulid';
import { z } from 'zod';
import { log } from '../log';
import { type Database, db as defaultDb } from '../db';
import { ApiError, errorEnvelope } from './errors';
import { extractKey, requireTestKey } from './auth';
import { createKey, resolveKey } from './companies';
import { type SandboxSpec, sandboxSpec } from './spec';
import { DEFAULT_TIER, TIERS, type Tier } from './tiers';

const Input = z.object({
  name: z.string().min(1).max(100).optional(),
  scopes: z.array(z.string()).min(1).max(100).optional(),
  tier: z.enum(Object.keys(TIERS) as [Tier, ...Tier[]]).optional(),
});

const json = (status: number, body: unknown, requestId: string) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId } });

export async function issueKey(req: Request, options: { database?: () => Promise<Database>; spec?: SandboxSpec } = {}): Promise<Response> {
  const requestId = `req_${ulid()}`;
  const spec = options.spec ?? sandboxSpec();
  const fail = (err: ApiError) => json(spec.errorCodes[err.code]?.status ?? 400, errorEnvelope(spec, err.code, err, requestId), requestId);
  try {
    let raw: unknown = {};
    const text = await req.text();
    if (text.trim()) {
      try {
        raw = JSON.parse(text);
      } catch {
        throw new ApiError('parameter_invalid_format', 'The request body is not valid JSON.');
      }
    }
    const parsed = Input.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError('parameter_invalid', `${issue.path.join('.') || 'body'}: ${issue.message}`, issue.path.join('.') || null);
    }
    const scopes = parsed.data.scopes ?? ['*'];
    const unknown = scopes.filter((s) => s !== '*' && !spec.scopes.has(s));
    if (unknown.length) throw new ApiError('parameter_invalid', `Unknown scopes: ${unknown.join(', ')}.`, 'scopes');
    const database = await (options.database ?? defaultDb)();
    const companyId = extractKey(req.headers) ? (await resolveKey(database, spec, requireTestKey(req.headers))).companyId : undefined;
    const tier = parsed.data.tier ?? DEFAULT_TIER;
    const { key, principal } = await createKey(database, spec, { name: parsed.data.name, scopes, tier, companyId });
    return json(
      201,
      {
        data: {
          object: 'sandbox_key',
          key,
          name: principal.name,
          scopes,
          tier,
          rate_limit_per_minute: TIERS[tier].perMinute,
          quota_per_month: TIERS[tier].perMonth,
          company_id: principal.companyId,
        },
      },
      requestId,
    );
  } catch (error) {
    if (error instanceof ApiError) return fail(error);
    log('error', 'sandbox key issue failed', { request_id: requestId, error });
    return fail(new ApiError('internal_error', 'The sandbox failed unexpectedly.'));
  }
}
