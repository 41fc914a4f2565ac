import { SiteHeader } from '@/components/lean/site-header';
import { SiteFooter } from '@/components/lean/site-footer';
import { SearchButton } from '@/components/lean/search-button';

export const metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto flex w-full max-w-2xl flex-1 flex-col items-start justify-center gap-5 px-4 py-20">
        <p className="font-mono text-sm text-fd-muted-foreground">404 · not_found</p>
        <h1 className="text-3xl font-semibold tracking-tight">This page does not exist</h1>
        <p className="text-fd-muted-foreground">
          The link may be old, or the page may have moved. Search the docs, or start from one of these pages.
        </p>
        <SearchButton className="w-full max-w-md py-2.5" />
        <ul className="grid w-full gap-3 sm:grid-cols-3">
          {[
            ['/', 'Home', 'What the API is and how to start'],
            ['/faq', 'FAQ', 'Quick answers on keys, money and limits'],
            ['/beta-access', 'Beta access', 'How to get an API key'],
          ].map(([href, title, text]) => (
            <li key={href}>
              <a href={href} className="block h-full rounded-xl border p-4 hover:bg-fd-accent">
                <span className="font-medium">{title}</span>
                <span className="mt-1 block text-sm text-fd-muted-foreground">{text}</span>
              </a>
            </li>
          ))}
        </ul>
      </main>
      <SiteFooter />
    </>
  );
}
