'use client';
/** Opens the ⌘K search dialog. The dialog's code loads on first open, never with the page. */
import { useSearchContext } from 'fumadocs-ui/contexts/search';

export function SearchButton({ className = '' }: { className?: string }) {
  const { setOpenSearch } = useSearchContext();
  return (
    <button
      type="button"
      onClick={() => setOpenSearch(true)}
      className={`inline-flex items-center gap-2 rounded-lg border bg-fd-secondary/50 px-3 py-1.5 text-sm text-fd-muted-foreground transition-colors hover:bg-fd-accent hover:text-fd-accent-foreground ${className}`}
      aria-label="Search the docs (⌘K)"
      data-search-trigger=""
    >
      <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
        <circle cx="11" cy="11" r="7" />
        <path d="m20 20-3.5-3.5" />
      </svg>
      <span className="flex-1 text-start">Search</span>
      <kbd className="rounded border bg-fd-background px-1.5 font-mono text-[0.7rem]">⌘K</kbd>
    </button>
  );
}
