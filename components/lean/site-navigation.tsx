'use client';
/**
 * The one script behind the site's static HTML, mounted once in the root layout: after each navigation
 * it marks the current page in the sidebar (aria-current, folders open, scrolled into view), and it
 * turns clicks on page links inside `[data-soft-nav]` regions into client-side navigations, as
 * next/link would, without a client component per link.
 */
import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { markCurrent } from './mark-current';

/** Files the site serves (operation ids contain dots, so "a dot" is not enough). */
const FILE = /\.(txt|md|mdx|xml|json|ya?ml|pdf|png|jpe?g|svg|ico|webp|csv|zip|js|css)$/i;

/** Same-origin page links only: not files, not API routes, not a hash on the same page. */
function softTarget(event: MouseEvent): string | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = (event.target as Element | null)?.closest?.('a[href]');
  if (
    !(a instanceof HTMLAnchorElement) ||
    !a.closest('[data-soft-nav]') ||
    (a.target && a.target !== '_self') ||
    a.hasAttribute('download')
  )
    return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/sandbox/') || FILE.test(url.pathname))
    return;
  if (url.pathname === location.pathname && url.search === location.search) return;
  return url.pathname + url.search + url.hash;
}

export function SiteNavigation() {
  const pathname = usePathname();
  const router = useRouter();
  useEffect(() => {
    // In the next frame the layout is computed anyway: scrolling then costs no extra layout pass.
    const frame = requestAnimationFrame(() => markCurrent(pathname, true));
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const target = softTarget(event);
      if (!target) return;
      event.preventDefault();
      router.push(target);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [router]);
  return null;
}
