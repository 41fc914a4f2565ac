'use client';
/**
 * Accessible tabs over server-rendered panels. With `group`, the choice is remembered in localStorage
 * and shared by every tab set of that group, on this page and the next ones.
 */
import { Children, useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';

const EVENT = 'factuarea:tabs';

export function Tabs({
  labels,
  ids,
  group,
  children,
  label,
}: {
  labels: string[];
  ids: string[];
  group?: string;
  children: ReactNode;
  label: string;
}) {
  const base = useId();
  const [active, setActive] = useState(ids[0]);

  useEffect(() => {
    if (!group) return;
    const stored = localStorage.getItem(`factuarea:${group}`);
    if (stored && ids.includes(stored)) setActive(stored);
    const onChange = (e: Event) => {
      const { group: g, id } = (e as CustomEvent<{ group: string; id: string }>).detail;
      if (g === group && ids.includes(id)) setActive(id);
    };
    window.addEventListener(EVENT, onChange);
    return () => window.removeEventListener(EVENT, onChange);
  }, [group, ids]);

  const choose = (id: string) => {
    setActive(id);
    if (group) {
      localStorage.setItem(`factuarea:${group}`, id);
      window.dispatchEvent(new CustomEvent(EVENT, { detail: { group, id } }));
    }
  };
  const onKey = (e: KeyboardEvent) => {
    const i = ids.indexOf(active);
    const next = e.key === 'ArrowRight' ? (i + 1) % ids.length : e.key === 'ArrowLeft' ? (i - 1 + ids.length) % ids.length : -1;
    if (next < 0) return;
    e.preventDefault();
    choose(ids[next]);
    document.getElementById(`${base}-tab-${ids[next]}`)?.focus();
  };

  const panels = Children.toArray(children);
  return (
    <div className="not-prose overflow-hidden rounded-xl border bg-fd-secondary/40">
      <div role="tablist" aria-label={label} className="flex overflow-x-auto border-b text-sm" onKeyDown={onKey}>
        {ids.map((id, i) => (
          <button
            key={id}
            id={`${base}-tab-${id}`}
            type="button"
            role="tab"
            data-tab={id}
            aria-selected={active === id}
            aria-controls={`${base}-panel-${id}`}
            tabIndex={active === id ? 0 : -1}
            onClick={() => choose(id)}
            className={`whitespace-nowrap px-3 py-2 transition-colors ${active === id ? 'border-b-2 border-fd-primary font-medium text-fd-foreground' : 'text-fd-muted-foreground hover:text-fd-foreground'}`}
          >
            {labels[i]}
          </button>
        ))}
      </div>
      {panels.map((panel, i) => (
        <div
          key={ids[i]}
          id={`${base}-panel-${ids[i]}`}
          role="tabpanel"
          aria-labelledby={`${base}-tab-${ids[i]}`}
          hidden={active !== ids[i]}
          data-panel={ids[i]}
        >
          {panel}
        </div>
      ))}
    </div>
  );
}
