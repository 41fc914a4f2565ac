/**
 * The navigation tree, rendered on the server to one HTML string that React never hydrates: folders
 * are <details>, pages plain links. A one-line inline script marks the current page before the first
 * paint; the `SiteNavigation` island keeps that mark right and navigates without reloads afterwards.
 */
import type { Node, Root } from 'fumadocs-core/page-tree';
import type { ReactNode } from 'react';
import { renderStaticMarkup } from '@/lib/html/static-markup';
import { MARK_CURRENT_SCRIPT } from './mark-current';

const LINK = 'sidebar-link';

function Nodes({ nodes }: { nodes: Node[] }): ReactNode {
  return nodes.map((node, i) => {
    if (node.type === 'separator')
      return (
        <p key={`sep-${i}`} className="mb-1 mt-5 px-2 text-xs font-semibold uppercase tracking-wide text-fd-foreground first:mt-0">
          {node.name}
        </p>
      );
    if (node.type === 'folder')
      return (
        <details key={`folder-${i}`} open={node.defaultOpen ?? true} className="group">
          <summary className="flex cursor-pointer list-none items-center justify-between rounded-md px-2 py-1.5 text-sm font-medium hover:bg-fd-accent">
            {node.name}
            <span aria-hidden="true" className="text-fd-muted-foreground transition-transform group-open:rotate-90">
              ›
            </span>
          </summary>
          <div className="ms-2 border-s ps-2">
            {node.index ? (
              <a href={node.index.url} className={LINK}>
                {node.index.name}
              </a>
            ) : null}
            <Nodes nodes={node.children} />
          </div>
        </details>
      );
    return (
      <a key={node.url} href={node.url} className={LINK}>
        {node.icon}
        {node.name}
      </a>
    );
  });
}

export async function Sidebar({ tree }: { tree: Root }) {
  const html = await renderStaticMarkup(<Nodes nodes={tree.children} />);
  return (
    <>
      <nav
        aria-label="Documentation"
        data-sidebar=""
        data-soft-nav=""
        className="flex flex-col gap-0.5"
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <script dangerouslySetInnerHTML={{ __html: MARK_CURRENT_SCRIPT }} />
    </>
  );
}
