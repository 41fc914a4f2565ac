/** Migration 200: "Was this helpful?" answers from the guides, one row per answer. */
export default /* sql */ `
CREATE TABLE page_feedback (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page text NOT NULL CHECK (page LIKE '/%' AND length(page) <= 300),
  helpful boolean NOT NULL,
  comment text CHECK (comment IS NULL OR length(comment) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX page_feedback_page_created_idx ON page_feedback (page, created_at DESC);
`;
