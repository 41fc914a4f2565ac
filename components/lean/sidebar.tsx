/** The navigation tree, rendered on the server: folders are <details>, pages are small link islands. */
import type { Node, Root } from 'fumadocs-core/page-tree';
import type { ReactNode } from 'react';
import { SidebarLink } from './sidebar-link';

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
            {node.index ? <SidebarLink href={node.index.url}>{node.index.name}</SidebarLink> : null}
            <Nodes nodes={node.children} />
          </div>
        </details>
      );
    return (
      <SidebarLink key={node.url} href={node.url}>
        {node.icon}
        {node.name}
      </SidebarLink>
    );
  });
}

export function Sidebar({ tree }: { tree: Root }) {
  return (
    <nav aria-label="Documentation" className="flex flex-col gap-0.5">
      <Nodes nodes={tree.children} />
    </nav>
  );
}
