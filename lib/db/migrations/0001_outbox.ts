/** Migration 1: the outbox, where e-mails wait until an SMTP server takes them (written in the same transaction as their cause). */
export default /* sql */ `
CREATE TABLE outbox (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic text NOT NULL,
  -- NULL means "the team": the address comes from BETA_NOTIFY_TO when the message is sent.
  to_address text,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  -- A sender owns the message until then; a crashed sender's claim simply runs out.
  claimed_until timestamptz,
  last_error text
);
CREATE INDEX outbox_unsent_idx ON outbox (id) WHERE sent_at IS NULL;
`;
