/** Migration 200: server-side secrets shared by every instance (the try-it console's signing secret), created once by whichever instance starts first. */
export default /* sql */ `
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
