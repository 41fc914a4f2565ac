/**
 * Server-only content as one HTML string: React sends it to the browser once and never hydrates it, so
 * large read-only trees cost no script time. Links inside are plain <a>; the SiteNavigation island
 * turns clicks on them into client-side navigations.
 */
import type { ReactNode } from 'react';
import { renderStaticMarkup } from '@/lib/html/static-markup';

export async function StaticHtml({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: await renderStaticMarkup(children) }} />;
}
