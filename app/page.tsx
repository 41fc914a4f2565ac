import { SiteHeader } from '@/components/lean/site-header';
import { SiteFooter } from '@/components/lean/site-footer';
import { Code } from '@/components/code';
import { apiBaseUrl } from '@/lib/site';

const steps = [
  {
    title: 'Request beta access',
    body: 'The API is in private beta. Tell us who you are and what you are building; companies on the allow-list go straight to step 2.',
    href: '/beta-access',
    cta: 'Request access',
  },
  {
    title: 'Create a fact_test_ key',
    body: 'In the web app, open Developers → API keys and create a Test key with the scopes you need. The secret is shown once: store it in your server’s secrets.',
    href: '/guides/test-mode',
    cta: 'Test mode & sandbox',
  },
  {
    title: 'Verify the key: GET /v1/account',
    body: 'The account call tells you which company the key works on, its plan, and the scopes and rate-limit tier of the key itself.',
    code: `curl ${apiBaseUrl}/account \\\n  -H "Authorization: Bearer $FACTUAREA_API_KEY"`,
    href: '/guides/authentication',
    cta: 'Authentication',
  },
  {
    title: 'Make your first list call',
    body: 'List your clients. Every list answers with data, has_more and next_cursor, so the same loop pages through any resource.',
    code: `curl "${apiBaseUrl}/clients?limit=10" \\\n  -H "Authorization: Bearer $FACTUAREA_API_KEY"`,
    href: '/guides/quickstart',
    cta: 'Issue your first invoice',
  },
];

const coverage = [
  [
    'Clients and suppliers',
    'Create, update and find contacts by tax id (NIF, CIF or NIE) or by your own external id.',
    '/api-reference/clients/public-api.v1.clients.list',
  ],
  [
    'Catalogue',
    'Products with prices, SKUs, stock and tax rates; IVA, IRPF retention and recargo de equivalencia.',
    '/guides/amounts-and-dates',
  ],
  [
    'Sales documents',
    'Invoices, quotes, proformas, delivery notes and recurring invoices, with lines, discounts and retentions.',
    '/guides/quotes',
  ],
  [
    'Document actions',
    'Issue, send by e-mail, mark paid (also in part), void, annul, correct, duplicate, convert, download the PDF.',
    '/guides/annul-vs-correct',
  ],
  ['Purchases', 'Record supplier invoices with their attachments, and register what you paid.', '/guides/purchase-invoices'],
  [
    'Spanish e-invoicing',
    'VeriFactu records and hash chain, FacturaE 3.2.2 files and FACe submissions to public bodies.',
    '/guides/verifactu',
  ],
  [
    'Tax reports',
    'Modelo 303, 347 and 130 figures computed from the documents you issued and received.',
    '/api-reference/tax-reports/public-api.v1.tax_reports.generate_303',
  ],
  [
    'Events and webhooks',
    'Every change is an event; signed webhooks deliver them to your server, with retries and replay.',
    '/guides/webhooks',
  ],
];

const contract = [
  ['Opaque ids', 'Every object has a UUID v7 id; lists page with cursors, never offsets.', '/guides/pagination'],
  ['One error envelope', 'Errors carry type, code, message, param, doc_url and request_id. Branch on code.', '/guides/errors'],
  ['Idempotent writes', 'Send an Idempotency-Key on any write and retry it safely for 24 hours.', '/guides/idempotency'],
  ['Rate limits by tier', 'Per-minute and monthly quotas, reported in X-RateLimit-* headers on every response.', '/guides/rate-limits'],
  ['Versioned', 'The version is in the URL (/v1); an optional Factuarea-Version date header pins behaviour.', '/guides/versioning'],
  ['Test mode', 'fact_test_ keys work on an isolated sandbox company: no e-mails, no AEAT, no FACe.', '/guides/test-mode'],
];

export default function HomePage() {
  return (
    <>
      <SiteHeader />
      <main id="main" data-soft-nav="" className="flex-1">
        <section className="border-b bg-gradient-to-b from-fd-primary/10 to-transparent">
          <div className="mx-auto max-w-6xl px-4 py-16 md:py-24">
            <p className="mb-3 inline-flex rounded-full border bg-fd-background px-3 py-1 text-xs font-medium text-fd-muted-foreground">
              Private beta · REST over HTTPS · JSON
            </p>
            <h1 className="max-w-3xl text-4xl font-semibold tracking-tight md:text-5xl">Spanish invoicing, from your own code.</h1>
            <p className="mt-4 max-w-2xl text-lg text-fd-muted-foreground">
              The Factuarea API issues, sends and collects invoices for businesses in Spain — with IVA, IRPF retention and{' '}
              <em>recargo de equivalencia</em> computed for you, and VeriFactu and FACe built in. Keep your ERP, shop or SaaS in sync with
              the books.
            </p>
            <div className="mt-8 flex flex-wrap items-center gap-3">
              <a
                href="/beta-access"
                className="rounded-lg bg-fd-primary px-4 py-2.5 font-medium text-fd-primary-foreground hover:opacity-90"
              >
                Request beta access
              </a>
              <a href="/guides/quickstart" className="rounded-lg border px-4 py-2.5 font-medium hover:bg-fd-accent">
                Read the quickstart
              </a>
            </div>
            <dl className="mt-10 inline-flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border bg-fd-background px-4 py-3 font-mono text-sm">
              <dt className="text-fd-muted-foreground">Base URL</dt>
              <dd>{apiBaseUrl}</dd>
            </dl>
          </div>
        </section>

        <section aria-labelledby="quick-start" className="mx-auto max-w-6xl px-4 py-14">
          <h2 id="quick-start" className="text-2xl font-semibold tracking-tight">
            Quick start
          </h2>
          <p className="mt-2 text-fd-muted-foreground">From nothing to your first real response in four steps.</p>
          <ol className="mt-8 grid gap-6 md:grid-cols-2">
            {steps.map((s, i) => (
              <li key={s.title} className="rounded-xl border p-5">
                <p className="flex items-center gap-3 font-medium">
                  <span className="inline-flex size-7 items-center justify-center rounded-full bg-fd-primary text-sm text-fd-primary-foreground">
                    {i + 1}
                  </span>
                  {s.title}
                </p>
                <p className="mt-2 text-sm text-fd-muted-foreground">{s.body}</p>
                {s.code ? <Code code={s.code} lang="bash" /> : null}
                {s.href ? (
                  <a href={s.href} className="mt-3 inline-block text-sm font-medium text-fd-primary hover:underline">
                    {s.cta} →
                  </a>
                ) : null}
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="coverage" className="border-t bg-fd-secondary/30">
          <div className="mx-auto max-w-6xl px-4 py-14">
            <h2 id="coverage" className="text-2xl font-semibold tracking-tight">
              What the API covers
            </h2>
            <p className="mt-2 max-w-2xl text-fd-muted-foreground">
              The API works alongside the Factuarea web app: plan, branding and company tax settings stay in the app; documents and contacts
              are yours to automate.
            </p>
            <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              {coverage.map(([t, d, href]) => (
                <li key={t} className="rounded-xl border bg-fd-background p-4">
                  <a href={href} className="font-medium hover:underline">
                    {t}
                  </a>
                  <p className="mt-1 text-sm text-fd-muted-foreground">{d}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <section aria-labelledby="contract" className="mx-auto max-w-6xl px-4 py-14">
          <h2 id="contract" className="text-2xl font-semibold tracking-tight">
            A contract you can rely on
          </h2>
          <ul className="mt-8 grid gap-x-8 gap-y-5 sm:grid-cols-2 lg:grid-cols-3">
            {contract.map(([t, d, href]) => (
              <li key={t}>
                <a href={href} className="font-medium hover:underline">
                  {t}
                </a>
                <p className="mt-1 text-sm text-fd-muted-foreground">{d}</p>
              </li>
            ))}
          </ul>
          <div className="mt-12 flex flex-wrap items-center justify-between gap-4 rounded-2xl border bg-fd-primary/5 p-6">
            <div>
              <p className="text-lg font-medium">Ready to build?</p>
              <p className="text-sm text-fd-muted-foreground">Request access today; we answer within five business days.</p>
            </div>
            <a href="/beta-access" className="rounded-lg bg-fd-primary px-4 py-2.5 font-medium text-fd-primary-foreground hover:opacity-90">
              Request beta access
            </a>
          </div>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
