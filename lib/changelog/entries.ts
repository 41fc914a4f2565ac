/**
 * The changelog: one entry per change to the API, the SDKs or these docs, newest first. The /changelog page
 * and its RSS feed (/changelog/rss.xml) are both generated from this list.
 */
export interface ChangelogEntry {
  /** YYYY-MM-DD */
  date: string;
  /** Anchor on /changelog; stable once published. */
  id: string;
  title: string;
  kind: 'added' | 'changed' | 'deprecated' | 'removed' | 'docs';
  /** Markdown. */
  body: string;
}

export const changelog: ChangelogEntry[] = [
  {
    date: '2026-11-20',
    id: 'developer-portal-guides',
    title: 'New guides, event catalogue and webhook test vectors',
    kind: 'docs',
    body: 'Every guide of the portal is rewritten around one example company, with examples in TypeScript, PHP and cURL that the docs’ own test suite runs against the sandbox. The [event catalogue](/guides/webhooks/events) and the [error codes](/guides/errors#every-error-code) are generated from the OpenAPI document, and the webhooks guide publishes [signature test vectors](/webhooks/test-vectors.json) and an in-page signature checker.',
  },
  {
    date: '2026-06-23',
    id: 'v1-2026-06-23',
    title: '28 more operations: FACe submissions, part payments, Stripe, Modelo 130',
    kind: 'added',
    body: 'The v1 contract grows to 262 operations. New: presenting invoices to FACe and following or cancelling the submissions; recording part payments on sales and purchase invoices; Stripe auto-invoicing of charges, refunds and payouts; generating Modelo 130; correcting rejected VeriFactu records (*subsanación*); AEAT census checks of tax ids; `find-by-external-id` lookups on nine resources; and the payment-methods catalogue. Every operation now declares its required scope (`x-required-scope`) and, where it applies, that it is irreversible (`x-irreversible`). See [Scopes & irreversibility](/guides/scopes-and-irreversibility).',
  },
  {
    date: '2026-06-23',
    id: 'aliases-removed',
    title: 'Four deprecated aliases removed',
    kind: 'removed',
    body: '`DELETE /v1/clients/bulk` and `DELETE /v1/suppliers/bulk` are replaced by `POST /v1/clients/bulk-delete` and `POST /v1/suppliers/bulk-delete`; `POST /v1/delivery_notes/{id}/change_status` by the dedicated actions (`mark-delivered`, `sign`, `cancel`); `GET /v1/purchase_invoices/by-supplier/{supplier}` by the `supplier_id` filter of the list. They had answered with `Deprecation` and `Sunset` headers since they were announced.',
  },
  {
    date: '2026-06-05',
    id: 'sdks-0-1-0',
    title: 'TypeScript and PHP SDKs 0.1.0',
    kind: 'added',
    body: 'First releases of [`@factuarea/sdk`](/sdks/typescript) and [`factuarea/factuarea-php`](/sdks/php), with automatic retries and idempotency keys, cursor pagination, typed errors and webhook verification. Both pin `Factuarea-Version: 2026-06-04`.',
  },
  {
    date: '2026-05-22',
    id: 'webhook-secret-rotation',
    title: 'Webhook secret rotation with a 24-hour overlap',
    kind: 'added',
    body: '`POST /v1/webhook_endpoints/{id}/rotate_secret` returns a new secret; for 24 hours deliveries carry two signatures, one per secret. See [Webhooks › Rotate the secret](/guides/webhooks#rotate-the-secret).',
  },
  {
    date: '2026-05-01',
    id: 'v1-private-beta',
    title: 'API v1 opens in private beta',
    kind: 'added',
    body: 'The first public version of the Factuarea API, at `https://api.factuarea.com/v1`, for companies on the beta allow-list. [Request access](/guides/request-beta-access).',
  },
];
