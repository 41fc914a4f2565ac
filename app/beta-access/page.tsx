import type { Metadata } from 'next';
import { SiteHeader } from '@/components/lean/site-header';
import { SiteFooter } from '@/components/lean/site-footer';
import { betaAccessEmail } from '@/lib/site';

export const metadata: Metadata = {
  title: 'Request beta access',
  description: 'The Factuarea API is in private beta. What to send, and how long it takes to get your first key.',
};

const body = [
  'Legal name of the company:',
  'Tax id (NIF, CIF or NIE):',
  'What you will build with the API:',
  'Estimated invoices per month:',
].join('\n');

export default function BetaAccessPage() {
  const mailto = `mailto:${betaAccessEmail}?subject=${encodeURIComponent('Factuarea API beta access')}&body=${encodeURIComponent(body)}`;
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-14">
        <h1 className="text-3xl font-semibold tracking-tight">Request beta access</h1>
        <p className="mt-3 text-lg text-fd-muted-foreground">
          The API is in private beta: companies get keys once they are on the allow-list. Ask for access and we reply within five business
          days.
        </p>
        <h2 className="mt-10 text-xl font-semibold">What to send</h2>
        <p className="mt-2">
          Write to{' '}
          <a className="font-medium text-fd-primary underline" href={`mailto:${betaAccessEmail}`}>
            {betaAccessEmail}
          </a>{' '}
          from the e-mail address of your Factuarea company account, with:
        </p>
        <ul className="mt-3 list-disc space-y-1 ps-6">
          <li>the company’s legal name and tax id (NIF, CIF or NIE);</li>
          <li>what you will build: an ERP sync, an online shop, an accounting practice tool, a SaaS product…;</li>
          <li>roughly how many invoices a month you expect to create through the API.</li>
        </ul>
        <a
          href={mailto}
          className="mt-6 inline-block rounded-lg bg-fd-primary px-4 py-2.5 font-medium text-fd-primary-foreground hover:opacity-90"
        >
          Write the request
        </a>
        <h2 className="mt-10 text-xl font-semibold">What happens next</h2>
        <ol className="mt-3 list-decimal space-y-1 ps-6">
          <li>We check the company and the use case, and answer within five business days.</li>
          <li>Once approved, your company can create API keys in the web app under Developers → API keys.</li>
          <li>
            Start with a <code>fact_test_</code> key: it works on a sandbox copy of your company where nothing reaches clients, AEAT or
            FACe.
          </li>
        </ol>
      </main>
      <SiteFooter />
    </>
  );
}
