/**
 * Migration 100: the embedded sandbox's state. One company per test key (or group of keys), every object of
 * every kind as a JSON document, idempotency records claimed through a primary key, and nothing in process.
 */
export default /* sql */ `
CREATE TABLE sandbox_companies (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_companies_last_used_idx ON sandbox_companies (last_used_at);

-- Keys are stored as SHA-256 hashes; the secret itself is never written anywhere.
CREATE TABLE sandbox_keys (
  key_hash text PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  company_id uuid NOT NULL REFERENCES sandbox_companies (id) ON DELETE CASCADE,
  name text NOT NULL,
  prefix text NOT NULL,
  scopes text[] NOT NULL,
  tier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX sandbox_keys_company_idx ON sandbox_keys (company_id);

-- data: the object exactly as the API returns it; meta: what the sandbox keeps beside it (secrets, counters).
CREATE TABLE sandbox_objects (
  company_id uuid NOT NULL REFERENCES sandbox_companies (id) ON DELETE CASCADE,
  kind text NOT NULL,
  id uuid NOT NULL,
  data jsonb NOT NULL,
  meta jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (company_id, kind, id)
);
CREATE INDEX sandbox_objects_created_idx ON sandbox_objects (company_id, kind, created_at DESC, id DESC);
CREATE INDEX sandbox_objects_external_id_idx ON sandbox_objects (company_id, kind, (data->>'external_id'))
  WHERE data->>'external_id' IS NOT NULL;

-- A row is claimed (status NULL) before the request runs, so concurrent duplicates find it and wait.
CREATE TABLE sandbox_idempotency (
  company_id uuid NOT NULL REFERENCES sandbox_companies (id) ON DELETE CASCADE,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer,
  headers jsonb,
  body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, key)
);
CREATE INDEX sandbox_idempotency_created_idx ON sandbox_idempotency (created_at);
`;
