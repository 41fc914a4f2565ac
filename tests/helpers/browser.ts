/**
 * Debian's Chromium through playwright-core, with a recorder that fails a test on any console error,
 * page error or failed request.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Collects what went wrong on a page: console errors, uncaught exceptions, failed or 4xx/5xx requests. */
export function watch(page: Page, { allowStatus = [] as string[] } = {}) {
  const problems: string[] = [];
  const allowed = (url: string) => allowStatus.some((u) => url.includes(u));
  page.on('console', (m) => {
    // The browser logs every 4xx/5xx resource; those are judged by the response handler below.
    if (m.type() === 'error' && !(m.text().startsWith('Failed to load resource') && allowed(m.location().url)))
      problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    // Navigations and RSC fetches cancelled by a newer navigation are not failures.
    if (reason.includes('ERR_ABORTED')) return;
    problems.push(`requestfailed: ${r.url()} ${reason}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !allowed(r.url())) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  return problems;
}
