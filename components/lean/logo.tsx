/** The Factuarea mark: a folded invoice whose lines form an "F". Colours follow the theme. */
export function LogoMark({ className = 'size-7' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <path d="M7 3h13l6 6v18a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Z" fill="var(--color-fd-primary)" />
      <path d="M20 3v4a2 2 0 0 0 2 2h4Z" fill="var(--brand-accent)" />
      <path d="M10 10h8M10 15.5h6M10 21v-11" stroke="var(--color-fd-primary-foreground)" strokeWidth="2.6" strokeLinecap="round" />
      <circle cx="21" cy="22" r="2.2" fill="var(--brand-accent)" />
    </svg>
  );
}

export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight">
      <LogoMark />
      <span>
        Factuarea <span className="text-fd-muted-foreground font-normal">API</span>
      </span>
    </span>
  );
}
