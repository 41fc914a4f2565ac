import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findNeighbour } from 'fumadocs-core/page-tree';
import { PageShell } from '@/components/lean/page-shell';
import { mdxComponents } from '@/components/mdx';
import { Feedback } from '@/components/guides/feedback';
import { guidePage, guidePages, source } from '@/lib/source';

type Props = { params: Promise<{ slug: string[] }> };

export default async function GuidePage({ params }: Props) {
  const { slug } = await params;
  const page = guidePage(slug);
  if (!page) notFound();
  const Body = page.data.body;
  const { previous, next } = findNeighbour(source.getPageTree(), page.url);
  return (
    <PageShell
      title={page.data.title}
      description={page.data.description}
      toc={page.data.toc}
      lastModified={page.data.lastModified}
      previous={previous}
      next={next}
      footer={<Feedback key={page.url} page={page.url} />}
    >
      <Body components={mdxComponents} />
    </PageShell>
  );
}

export function generateStaticParams() {
  return guidePages().map((p) => ({ slug: p.slugs }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = guidePage(slug);
  if (!page) notFound();
  return { title: page.data.title, description: page.data.description };
}

export const dynamicParams = false;
