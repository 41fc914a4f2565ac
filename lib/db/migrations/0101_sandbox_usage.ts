/**
 * Migration 101: the sandbox's monthly request counts, one row per key and calendar month (Europe/Madrid),
 * removed with the key (and so with its company).
 */
export default /* sql */ `
CREATE TABLE sandbox_usage (
  key_hash text NOT NULL REFERENCES sandbox_keys (key_hash) ON DELETE CASCADE,
  -- 'YYYY-MM' of the month in Europe/Madrid
  period text NOT NULL,
  requests integer NOT NULL DEFAULT 0,
  PRIMARY KEY (key_hash, period)
);
CREATE INDEX sandbox_usage_period_idx ON sandbox_usage (period);
`;
