import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/lean/site-header';
import { Sidebar } from '@/components/lean/sidebar';
import { source } from '@/lib/source';

/**
 * The docs frame: header, a server-rendered sidebar (a CSS checkbox opens it on small screens), the page.
 * The page comes before the sidebar in the HTML, so the browser parses and paints the content first; CSS
 * puts the sidebar back on the left, and a skip link leads keyboard users to it.
 */
export default function DocsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader menu />
      <div className="mx-auto flex w-full max-w-[90rem] flex-1 px-4">
        <input type="checkbox" id="nav-toggle" className="peer hidden" aria-hidden="true" />
        <main id="main" data-soft-nav="" className="min-w-0 flex-1 md:ps-8">
          <a
            href="#docs-navigation"
            className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:rounded-md focus:border focus:bg-fd-background focus:px-3 focus:py-1.5 focus:text-sm"
          >
            Skip to the navigation
          </a>
          {children}
        </main>
        <aside
          id="docs-navigation"
          className="fixed inset-x-0 top-14 bottom-0 z-30 hidden overflow-y-auto border-e bg-fd-background p-4 peer-checked:block md:sticky md:top-14 md:order-first md:block md:h-[calc(100vh-3.5rem)] md:w-64 md:shrink-0 md:ps-0"
        >
          <Sidebar tree={source.getPageTree()} />
        </aside>
      </div>
    </>
  );
}
