'use client';
/**
 * A sidebar link that marks itself current, opens the folders around it and scrolls into view, and
 * does not prefetch (prefetching would pull other pages' code).
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';

export function SidebarLink({ href, children }: { href: string; children: ReactNode }) {
  const active = usePathname() === href;
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!active || !ref.current) return;
    for (let el = ref.current.parentElement; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
    ref.current.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <Link
      ref={ref}
      href={href}
      prefetch={false}
      aria-current={active ? 'page' : undefined}
      className={`flex items-center gap-2 rounded-md px-2 py-1.5 text-sm transition-colors ${
        active
          ? 'bg-fd-primary/10 font-medium text-fd-primary'
          : 'text-fd-muted-foreground hover:bg-fd-accent hover:text-fd-accent-foreground'
      }`}
    >
      {children}
    </Link>
  );
}
