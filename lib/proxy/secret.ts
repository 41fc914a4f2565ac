/**
 * The server secret that signs visitor cookies and derives visitor keys. From PROXY_SECRET when set; otherwise
 * generated once and kept where every instance finds it: the `app_secrets` table when DATABASE_URL is set, else
 * `$DATA_DIR/proxy-secret` (mode 600). It never leaves the server.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { db, type Queryable } from '../db';

type Env = Record<string, string | undefined>;

const MIN_LENGTH = 32;

export function secretFile(env: Env = process.env): string {
  return path.resolve(env.DATA_DIR || '.data', 'proxy-secret');
}

/** Reads or creates the secret file; a concurrent first start by another process wins and is read back. */
async function fromFile(file: string): Promise<Buffer> {
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const fresh = randomBytes(32);
  try {
    await writeFile(file, `${fresh.toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  }
}

/** Creates the secret in the database unless another instance already did, then reads whichever won. */
export async function fromDatabase(database: Queryable): Promise<Buffer> {
  await database.query('INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    'proxy',
    randomBytes(32).toString('base64url'),
  ]);
  const { rows } = await database.query<{ value: string }>('SELECT value FROM app_secrets WHERE name = $1', ['proxy']);
  return Buffer.from(rows[0].value, 'base64url');
}

export async function loadSecret(env: Env = process.env): Promise<Buffer> {
  const fromEnv = env.PROXY_SECRET;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < MIN_LENGTH) throw new Error(`PROXY_SECRET must be at least ${MIN_LENGTH} characters long`);
    return Buffer.from(fromEnv, 'utf8');
  }
  const secret = env.DATABASE_URL ? await fromDatabase(await db()) : await fromFile(secretFile(env));
  if (secret.length < 16) throw new Error(`The proxy secret in ${secretFile(env)} is too short: delete the file to generate a new one`);
  return secret;
}
