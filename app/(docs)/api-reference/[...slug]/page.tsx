import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OperationPage } from '@/components/reference/operation-page';
import { openapiDocument } from '@/lib/openapi/document';
import { findOperation } from '@/lib/openapi/reference';
import { pruneDocument } from '@/lib/openapi/prune';
import { referencePages } from '@/lib/source';

type Props = { params: Promise<{ slug: string[] }> };

export default async function ReferencePage({ params }: Props) {
  const { slug } = await params;
  const doc = openapiDocument();
  const op = findOperation(doc, slug);
  if (!op) notFound();
  return (
    <OperationPage
      doc={doc}
      op={op}
      tryIt={{
        method: op.method,
        path: op.path,
        operations: [{ path: op.path, method: op.method }],
        payload: { bundled: pruneDocument(doc, op.path, op.method) as never, proxyUrl: '/api/proxy' },
      }}
    />
  );
}

export function generateStaticParams() {
  return referencePages().map((p) => ({ slug: p.slugs.slice(1) }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const op = findOperation(openapiDocument(), slug);
  if (!op) notFound();
  return { title: `${op.summary} · ${op.tag}`, description: `${op.method.toUpperCase()} ${op.path} — ${op.description.split('\n')[0]}` };
}

export const dynamicParams = false;
