/** /beta-access/status?ref=…: the status of one request — company name, status and dates, nothing else. */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SiteHeader } from '@/components/lean/site-header';
import { SiteFooter } from '@/components/lean/site-footer';
import { copies, pickLang } from '@/lib/beta/copy';
import { parseReference } from '@/lib/beta/reference';
import { findPublicStatus } from '@/lib/beta/store';
import { db } from '@/lib/db';
import { ReferenceLookup, statusText } from './lookup';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Beta request status', robots: { index: false, follow: false } };

export default async function StatusPage({ searchParams }: { searchParams: Promise<{ ref?: string; lang?: string }> }) {
  const params = await searchParams;
  const lang = pickLang(params.lang);
  const t = statusText[lang];
  const raw = params.ref;
  const reference = parseReference(raw);
  if (raw !== undefined && !reference) notFound();
  const status = reference ? await findPublicStatus(await db(), reference) : undefined;
  if (reference && !status) notFound();
  const date = (d: Date) =>
    d.toLocaleDateString(lang === 'es' ? 'es-ES' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Madrid' });
  return (
    <>
      <SiteHeader />
      <main id="main" lang={lang} className="mx-auto w-full max-w-3xl flex-1 px-4 py-14">
        <h1 className="text-3xl font-semibold tracking-tight">{t.title}</h1>
        {status ? (
          <dl className="mt-8 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-3 rounded-xl border p-6" data-status={status.status}>
            <dt className="text-fd-muted-foreground">{t.reference}</dt>
            <dd className="font-mono">{status.reference}</dd>
            <dt className="text-fd-muted-foreground">{t.company}</dt>
            <dd>{status.legal_name}</dd>
            <dt className="text-fd-muted-foreground">{t.status}</dt>
            <dd className="font-medium">{copies[lang].statuses[status.status]}</dd>
            <dt className="text-fd-muted-foreground">{t.received}</dt>
            <dd>
              <time dateTime={status.created_at.toISOString()}>{date(status.created_at)}</time>
            </dd>
            {status.decided_at ? (
              <>
                <dt className="text-fd-muted-foreground">{t.decided}</dt>
                <dd>
                  <time dateTime={status.decided_at.toISOString()}>{date(status.decided_at)}</time>
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {status ? <p className="mt-4 text-fd-muted-foreground">{t.explain[status.status]}</p> : null}
        <ReferenceLookup lang={lang} initial={reference} />
      </main>
      <SiteFooter />
    </>
  );
}
