'use client';
/**
 * fumadocs-ui's root provider (theme, ⌘K search, i18n) on Next.js navigation hooks, without the
 * `next/link` and `next/image` that its Next.js variant hands to every page (≈8 KB of JavaScript):
 * our pages use plain links (see SiteNavigation) and no fumadocs component renders an image.
 */
import { FrameworkProvider } from 'fumadocs-core/framework';
import { RootProvider as BaseRootProvider } from 'fumadocs-ui/provider/base';
import { useParams, usePathname, useRouter } from 'next/navigation';
import type { ComponentProps, ReactNode } from 'react';

function Anchor(props: ComponentProps<'a'>) {
  return <a {...props} />;
}

function Img(props: ComponentProps<'img'>) {
  return <img alt="" {...props} />;
}

export function RootProvider({ children, ...props }: ComponentProps<typeof BaseRootProvider> & { children: ReactNode }) {
  return (
    <FrameworkProvider usePathname={usePathname} useRouter={useRouter} useParams={useParams} Link={Anchor} Image={Img as never}>
      <BaseRootProvider {...props}>{children}</BaseRootProvider>
    </FrameworkProvider>
  );
}
