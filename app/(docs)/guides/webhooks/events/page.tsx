import type { Metadata } from 'next';
import { PageShell } from '@/components/lean/page-shell';
import { EventCatalogue, EventCount } from '@/components/guides/catalogue';
import { openapiDocument } from '@/lib/openapi/document';
import { eventFamilies, familySlug } from '@/lib/guides/catalogue';

export const metadata: Metadata = {
  title: 'Event catalogue',
  description: 'Every webhook event type Factuarea sends, grouped by the resource it concerns, generated from the OpenAPI document.',
};

/** The event catalogue: one row per family, generated from the document's `webhooks`. */
export default function EventCataloguePage() {
  const families = eventFamilies(openapiDocument());
  return (
    <PageShell
      title="Event catalogue"
      description="Every event type you can subscribe a webhook endpoint to, grouped by the resource it concerns."
      breadcrumb={[{ name: 'Webhooks', url: '/guides/webhooks' }, { name: 'Event catalogue' }]}
      previous={{ name: 'Webhooks', url: '/guides/webhooks' }}
      next={{ name: families[0].title, url: `/guides/webhooks/events/${familySlug(families[0].family)}` }}
    >
      <p>
        Factuarea records <EventCount /> event types. Each family page explains when every type fires and shows an example delivery.
        Subscribe an endpoint to the types you need with <code>enabled_events</code> (see{' '}
        <a href="/guides/webhooks#choose-the-events">Webhooks</a>), or read past events with <a href="/guides/events">the Events API</a>.
        The same list is available at run time from <code>GET /v1/event-catalog</code>.
      </p>
      <EventCatalogue />
    </PageShell>
  );
}
