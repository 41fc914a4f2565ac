/**
 * "Was this helpful?" answers: validated with zod, stored in the database. The page must be a path of
 * this site (`/guides/errors`), the comment is optional and short.
 */
import { z } from 'zod';
import type { Queryable } from '../db/types';

export const feedbackSchema = z.object({
  page: z
    .string()
    .trim()
    .max(300)
    .regex(/^\/[A-Za-z0-9/_.-]*$/, 'page must be a path of this site'),
  helpful: z.union([z.boolean(), z.enum(['yes', 'no', 'true', 'false'])]).transform((v) => v === true || v === 'yes' || v === 'true'),
  comment: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export interface Feedback {
  page: string;
  helpful: boolean;
  comment?: string;
}

export async function saveFeedback(db: Queryable, feedback: Feedback): Promise<{ id: number }> {
  const { rows } = await db.query<{ id: number }>('INSERT INTO page_feedback (page, helpful, comment) VALUES ($1, $2, $3) RETURNING id', [
    feedback.page,
    feedback.helpful,
    feedback.comment ?? null,
  ]);
  return rows[0];
}

export interface FeedbackSummary {
  page: string;
  helpful: number;
  notHelpful: number;
}

export async function feedbackSummary(db: Queryable): Promise<FeedbackSummary[]> {
  const { rows } = await db.query<{ page: string; helpful: string | number; not_helpful: string | number }>(
    `SELECT page, count(*) FILTER (WHERE helpful) AS helpful, count(*) FILTER (WHERE NOT helpful) AS not_helpful
     FROM page_feedback GROUP BY page ORDER BY page`,
  );
  return rows.map((r) => ({ page: r.page, helpful: Number(r.helpful), notHelpful: Number(r.not_helpful) }));
}
