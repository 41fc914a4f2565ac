import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Code } from '@/components/code';
import { PageShell } from '@/components/lean/page-shell';
import { Markdown } from '@/components/reference/markdown';
import { openapiDocument } from '@/lib/openapi/document';
import { eventAnchor, eventFamilies, familySlug } from '@/lib/guides/catalogue';

type Props = { params: Promise<{ family: string }> };

function find(slug: string) {
  const families = eventFamilies(openapiDocument());
  const i = families.findIndex((f) => familySlug(f.family) === slug);
  return i === -1 ? undefined : { family: families[i], previous: families[i - 1], next: families[i + 1] };
}

/** One family of webhook events (invoice, quote…): when each type fires and an example delivery, from the document. */
export default async function EventFamilyPage({ params }: Props) {
  const { family: slug } = await params;
  const found = find(slug);
  if (!found) notFound();
  const { family, previous, next } = found;
  return (
    <PageShell
      title={`${family.title} events`}
      description={`The ${family.events.length} event type${family.events.length === 1 ? '' : 's'} of the ${family.family} family, generated from the OpenAPI document.`}
      breadcrumb={[
        { name: 'Webhooks', url: '/guides/webhooks' },
        { name: 'Event catalogue', url: '/guides/webhooks/events' },
        { name: family.title },
      ]}
      toc={family.events.map((e) => ({ title: e.name, url: `#${eventAnchor(e.name)}`, depth: 2 }))}
      previous={
        previous
          ? { name: `${previous.title} events`, url: `/guides/webhooks/events/${familySlug(previous.family)}` }
          : { name: 'Event catalogue', url: '/guides/webhooks/events' }
      }
      next={
        next
          ? { name: `${next.title} events`, url: `/guides/webhooks/events/${familySlug(next.family)}` }
          : { name: 'Events', url: '/guides/events' }
      }
    >
      <p>
        Every delivery carries the headers and signature described in <a href="/guides/webhooks#what-a-delivery-looks-like">Webhooks</a>.{' '}
        <code>data.object</code> is a copy of the resource as it was when the event happened; retrieve the resource for its current state.
      </p>
      {family.events.map((e) => (
        <section key={e.name} aria-labelledby={eventAnchor(e.name)}>
          <h2 id={eventAnchor(e.name)} className="group scroll-mt-20">
            <code>{e.name}</code>
            <a
              href={`#${eventAnchor(e.name)}`}
              aria-label="Link to this section"
              className="ms-2 text-fd-muted-foreground no-underline opacity-0 group-hover:opacity-100"
            >
              #
            </a>
          </h2>
          <p className="font-medium">{e.summary}</p>
          <Markdown text={e.description} />
          {e.example !== undefined ? (
            <details className="not-prose">
              <summary className="cursor-pointer text-sm font-medium">Example delivery body</summary>
              <Code code={JSON.stringify(e.example, null, 2)} lang="json" title={`POST · Factuarea-Event-Type: ${e.name}`} />
            </details>
          ) : null}
        </section>
      ))}
    </PageShell>
  );
}

export function generateStaticParams() {
  return eventFamilies(openapiDocument()).map((f) => ({ family: familySlug(f.family) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { family: slug } = await params;
  const found = find(slug);
  if (!found) notFound();
  return { title: `${found.family.title} events`, description: `Webhook event types of the ${found.family.family} family.` };
}

export const dynamicParams = false;
