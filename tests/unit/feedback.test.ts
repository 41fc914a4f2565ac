/** "Was this helpful?": validation of the answers and their storage (migration 200) on embedded PGlite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db';
import { feedbackSchema, feedbackSummary, saveFeedback } from '@/lib/feedback';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({});
});
afterAll(async () => {
  await database?.close();
});

describe('feedbackSchema', () => {
  it('accepts the JSON the island sends and the form a browser posts without JavaScript', () => {
    expect(feedbackSchema.parse({ page: '/guides/errors', helpful: true, comment: '' })).toEqual({ page: '/guides/errors', helpful: true });
    expect(feedbackSchema.parse({ page: '/guides/errors', helpful: 'no', comment: ' Falta un ejemplo en PHP. ' })).toEqual({
      page: '/guides/errors',
      helpful: false,
      comment: 'Falta un ejemplo en PHP.',
    });
  });

  it('rejects pages that are not paths of this site, and oversized comments', () => {
    expect(feedbackSchema.safeParse({ page: 'https://evil.example/', helpful: true }).success).toBe(false);
    expect(feedbackSchema.safeParse({ page: '/guides/errors', helpful: 'maybe' }).success).toBe(false);
    expect(feedbackSchema.safeParse({ page: '/guides/errors', helpful: true, comment: 'x'.repeat(2001) }).success).toBe(false);
  });
});

describe('saveFeedback', () => {
  it('stores answers and sums them per page', async () => {
    await saveFeedback(database, { page: '/guides/webhooks', helpful: true });
    await saveFeedback(database, { page: '/guides/webhooks', helpful: false, comment: 'Add a Go example.' });
    await saveFeedback(database, { page: '/guides/quickstart', helpful: true });
    expect(await feedbackSummary(database)).toEqual([
      { page: '/guides/quickstart', helpful: 1, notHelpful: 0 },
      { page: '/guides/webhooks', helpful: 1, notHelpful: 1 },
    ]);
    const { rows } = await database.query<{ comment: string | null }>(
      "SELECT comment FROM page_feedback WHERE page = '/guides/webhooks' ORDER BY id",
    );
    expect(rows.map((r) => r.comment)).toEqual([null, 'Add a Go example.']);
  });
});
