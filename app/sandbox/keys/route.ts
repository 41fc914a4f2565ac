/** POST /sandbox/keys: issues a sandbox test key with chosen scopes and rate-limit tier (see /guides/sandbox). */
import { issueKey } from '@/lib/sandbox/keys';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = (req: Request) => issueKey(req);
