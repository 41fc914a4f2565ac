/**
 * The rate-limit tiers of API keys (the facts' tier table): requests per minute and per calendar month. The
 * sandbox enforces both; new keys get `pro`, the dataset company's tier.
 */
export const TIERS = {
  free: { perMinute: 10, perMonth: 100 },
  starter: { perMinute: 30, perMonth: 5_000 },
  pro: { perMinute: 300, perMonth: 50_000 },
} as const;

export type Tier = keyof typeof TIERS;

export const DEFAULT_TIER: Tier = 'pro';

export const isTier = (v: unknown): v is Tier => typeof v === 'string' && Object.hasOwn(TIERS, v);
