/**
 * Marks `path` as the current page in the sidebar: `aria-current` on its link, the folders around it
 * open, and with `scroll` the link scrolled into view. Self-contained, so it also runs as an inline
 * script (see MARK_CURRENT_SCRIPT) right after the sidebar's HTML, before the first paint — without
 * scrolling there, which would force a layout of the half-parsed page.
 */
export function markCurrent(path: string, scroll = false) {
  const nav = document.querySelector('nav[data-sidebar]');
  if (!nav) return;
  for (const a of nav.querySelectorAll('a[aria-current]')) a.removeAttribute('aria-current');
  const link = nav.querySelector('a[href="' + CSS.escape(path) + '"]');
  if (!link) return;
  link.setAttribute('aria-current', 'page');
  for (let el = link.parentElement; el && el !== nav; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
  if (scroll) link.scrollIntoView({ block: 'nearest' });
}

export const MARK_CURRENT_SCRIPT = `(${markCurrent.toString()})(location.pathname)`;
