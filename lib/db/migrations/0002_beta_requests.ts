/** Migration 2: beta-access requests, one per tax ID (the UNIQUE constraint is what stops duplicates, even under concurrency). */
export default /* sql */ `
CREATE TABLE beta_requests (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference text NOT NULL,
  legal_name text NOT NULL,
  tax_id text NOT NULL,
  tax_id_kind text NOT NULL CHECK (tax_id_kind IN ('nif', 'nie', 'cif')),
  contact_name text NOT NULL,
  email text NOT NULL,
  role text NOT NULL,
  use_case text NOT NULL
    CHECK (use_case IN ('erp_sync', 'ecommerce', 'accounting_firm', 'saas_platform', 'internal_tool', 'other')),
  use_case_details text NOT NULL,
  monthly_volume text NOT NULL CHECK (monthly_volume IN ('<100', '100-1000', '1000-10000', '>10000')),
  integration text NOT NULL CHECK (integration IN ('typescript_sdk', 'php_sdk', 'http', 'mcp', 'cli')),
  lang text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'es')),
  consent_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  CONSTRAINT beta_requests_reference_key UNIQUE (reference),
  CONSTRAINT beta_requests_tax_id_key UNIQUE (tax_id)
);
CREATE INDEX beta_requests_status_created_idx ON beta_requests (status, created_at DESC);
`;
