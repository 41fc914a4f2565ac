import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { RootProvider } from '@/components/lean/root-provider';
import { SiteNavigation } from '@/components/lean/site-navigation';
import { siteUrl } from '@/lib/site';
import './global.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl),
  title: { default: 'Factuarea API', template: '%s · Factuarea API' },
  description:
    'Documentation, API reference and a live sandbox for the Factuarea REST API: invoicing for Spanish businesses, with IVA, IRPF, VeriFactu and FACe.',
  icons: { icon: [{ url: '/icon.svg', type: 'image/svg+xml' }], apple: '/apple-icon.png' },
  openGraph: { type: 'website', siteName: 'Factuarea API', images: ['/og.png'] },
  twitter: { card: 'summary_large_image', images: ['/og.png'] },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0f19' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="flex min-h-screen flex-col antialiased">
        <RootProvider search={{ preload: false, options: { api: '/api/search' } }}>
          {children}
          <SiteNavigation />
        </RootProvider>
      </body>
    </html>
  );
}
