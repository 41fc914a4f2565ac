/** The top bar shared by every page: logo, primary links, search and theme toggle. */
import { Logo } from './logo';
import { SearchButton } from './search-button';
import { ThemeToggle } from './theme-toggle';

export function SiteHeader({ menu = false }: { menu?: boolean }) {
  return (
    <header data-soft-nav="" className="sticky top-0 z-40 border-b bg-fd-background/85 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[90rem] items-center gap-4 px-4">
        {menu ? (
          <label htmlFor="nav-toggle" className="cursor-pointer rounded-md p-1 md:hidden" aria-label="Open navigation">
            <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
              <path d="M4 6h16M4 12h16M4 18h16" />
            </svg>
          </label>
        ) : null}
        <a href="/" aria-label="Factuarea API home">
          <Logo />
        </a>
        <nav aria-label="Main" className="ms-4 hidden items-center gap-5 text-sm text-fd-muted-foreground lg:flex">
          {[
            ['/guides/quickstart', 'Guides'],
            ['/api-reference', 'API reference'],
            ['/sdks', 'SDKs'],
            ['/changelog', 'Changelog'],
            ['/faq', 'FAQ'],
            ['/beta-access', 'Beta access'],
          ].map(([href, label]) => (
            <a key={href} href={href} className="hover:text-fd-foreground">
              {label}
            </a>
          ))}
        </nav>
        <div className="ms-auto flex items-center gap-2">
          <SearchButton className="w-40 sm:w-56" />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
