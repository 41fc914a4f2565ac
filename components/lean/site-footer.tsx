/** The footer of the landing and standalone pages. */
import { LogoMark } from './logo';

export function SiteFooter() {
  return (
    <footer className="border-t">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-8 text-sm text-fd-muted-foreground">
        <span className="inline-flex items-center gap-2">
          <LogoMark className="size-5" /> © 2026 Factuarea
        </span>
        <nav aria-label="Footer" className="flex flex-wrap gap-5">
          {[
            ['/guides/quickstart', 'Quickstart'],
            ['/api-reference', 'API reference'],
            ['/guides/webhooks', 'Webhooks'],
            ['/support', 'Support'],
            ['/changelog', 'Changelog'],
            ['/faq', 'FAQ'],
            ['/beta-access', 'Beta access'],
          ].map(([href, label]) => (
            <a key={href} href={href} className="hover:text-fd-foreground">
              {label}
            </a>
          ))}
          <a href="/api/openapi" className="hover:text-fd-foreground">
            OpenAPI document
          </a>
        </nav>
      </div>
    </footer>
  );
}
