import type { Metadata } from 'next';
import { SiteHeader } from '@/components/lean/site-header';
import { SiteFooter } from '@/components/lean/site-footer';

export const metadata: Metadata = { title: 'Thank you', robots: { index: false } };

/** Where a "Was this helpful?" form lands when it was sent without JavaScript. */
export default async function FeedbackThanks({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page } = await searchParams;
  const back = page && /^\/[A-Za-z0-9/_.-]*$/.test(page) ? page : '/';
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-14">
        <h1 className="text-3xl font-semibold tracking-tight">Thank you</h1>
        <p className="mt-3 text-lg text-fd-muted-foreground">Your answer was recorded. It helps us decide which pages to improve first.</p>
        <a href={back} className="mt-6 inline-block font-medium text-fd-primary hover:underline">
          ← Back to the page
        </a>
      </main>
      <SiteFooter />
    </>
  );
}
