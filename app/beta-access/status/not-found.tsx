/** 404 for an unknown or malformed reference: says so, and offers the lookup form again. */
import { SiteHeader } from '@/components/lean/site-header';
import { SiteFooter } from '@/components/lean/site-footer';
import { ReferenceLookup, statusText } from './lookup';

export default function ReferenceNotFound() {
  const t = statusText.en;
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-14">
        <p className="font-mono text-sm text-fd-muted-foreground">404 · not_found</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{t.notFoundTitle}</h1>
        <p className="mt-3 text-fd-muted-foreground">{t.notFound}</p>
        <ReferenceLookup lang="en" />
      </main>
      <SiteFooter />
    </>
  );
}
