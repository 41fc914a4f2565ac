import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OperationPage } from '@/components/reference/operation-page';
import { openapiDocument } from '@/lib/openapi/document';
import { findOperation } from '@/lib/openapi/reference';
import { consoleSpec } from '@/lib/console/spec';
import { referencePages } from '@/lib/source';

type Props = { params: Promise<{ slug: string[] }> };

export default async function ReferencePage({ params }: Props) {
  const { slug } = await params;
  const doc = openapiDocument();
  const op = findOperation(doc, slug);
  if (!op) notFound();
  return <OperationPage doc={doc} op={op} tryIt={{ spec: consoleSpec(doc, op) }} />;
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
