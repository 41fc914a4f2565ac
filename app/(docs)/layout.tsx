import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/lean/site-header';
import { Sidebar } from '@/components/lean/sidebar';
import { source } from '@/lib/source';

/** The docs frame: header, a server-rendered sidebar (a CSS checkbox opens it on small screens), the page. */
export default function DocsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader menu />
      <div className="mx-auto flex w-full max-w-[90rem] flex-1 px-4">
        <input type="checkbox" id="nav-toggle" className="peer hidden" aria-hidden="true" />
        <aside className="fixed inset-x-0 top-14 bottom-0 z-30 hidden overflow-y-auto border-e bg-fd-background p-4 peer-checked:block md:sticky md:top-14 md:block md:h-[calc(100vh-3.5rem)] md:w-64 md:shrink-0 md:ps-0">
          <Sidebar tree={source.getPageTree()} />
        </aside>
        <main id="main" data-soft-nav="" className="min-w-0 flex-1 md:ps-8">
          {children}
        </main>
      </div>
    </>
  );
}
