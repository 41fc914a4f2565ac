/** Types of scripts/page-weight.mjs, for the browser tests that import it. */
import type { Browser } from 'playwright-core';

export function pageWeight(browser: Browser, url: string): Promise<{ url: string; jsKB: number; totalKB: number; requests: number }>;
