/**
 * Renders a tree of React server elements — host elements, fragments and plain (sync or async) function
 * components — to an HTML string. Content that only displays data goes to the page as one string that
 * React never hydrates, which keeps large trees (the sidebar, schema trees) off the browser's main thread.
 * Client components cannot be rendered here: passing one is an error, so an island is never silently lost.
 */
import type { ReactNode } from 'react';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const BOOLEAN = new Set(['open', 'hidden', 'disabled', 'checked', 'selected', 'required', 'readonly', 'multiple', 'async', 'defer']);
const RENAME: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  tabIndex: 'tabindex',
  readOnly: 'readonly',
  strokeWidth: 'stroke-width',
  strokeLinecap: 'stroke-linecap',
  strokeLinejoin: 'stroke-linejoin',
  fillRule: 'fill-rule',
  clipRule: 'clip-rule',
};
const ELEMENT = new Set([Symbol.for('react.transitional.element'), Symbol.for('react.element')]);
const FRAGMENT = Symbol.for('react.fragment');
const UNITLESS = new Set(['opacity', 'zIndex', 'fontWeight', 'lineHeight', 'flexGrow', 'flexShrink', 'order']);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function styleText(style: Record<string, string | number>): string {
  return Object.entries(style)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => {
      const name = k.startsWith('--') ? k : k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      return `${name}:${typeof v === 'number' && v !== 0 && !UNITLESS.has(k) ? `${v}px` : v}`;
    })
    .join(';');
}

function attributes(props: Record<string, unknown>): string {
  let out = '';
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || key === 'dangerouslySetInnerHTML' || key === 'key' || key === 'ref' || key === 'suppressHydrationWarning')
      continue;
    if (typeof value === 'function') throw new Error(`static markup cannot carry the event handler ${key}: use an island`);
    if (value === undefined || value === null || value === false) continue;
    const name = RENAME[key] ?? key;
    if (key === 'style' && typeof value === 'object') {
      out += ` style="${escapeHtml(styleText(value as Record<string, string | number>))}"`;
      continue;
    }
    if (value === true) {
      out += BOOLEAN.has(name) ? ` ${name}=""` : ` ${name}="true"`;
      continue;
    }
    out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

interface ElementLike {
  $$typeof: symbol;
  type: unknown;
  props: Record<string, unknown>;
}

const isElement = (node: unknown): node is ElementLike =>
  typeof node === 'object' && node !== null && ELEMENT.has((node as ElementLike).$$typeof);

export async function renderStaticMarkup(node: ReactNode | Promise<ReactNode>): Promise<string> {
  const value = await node;
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return (await Promise.all(value.map((child) => renderStaticMarkup(child as ReactNode)))).join('');
  if (!isElement(value)) throw new Error(`static markup cannot render ${Object.prototype.toString.call(value)}`);
  const { type, props } = value;
  if (type === FRAGMENT) return renderStaticMarkup(props.children as ReactNode);
  if (typeof type === 'string') {
    const open = `<${type}${attributes(props)}>`;
    if (VOID.has(type)) return open;
    const inner = props.dangerouslySetInnerHTML as { __html: string } | undefined;
    return `${open}${inner ? inner.__html : await renderStaticMarkup(props.children as ReactNode)}</${type}>`;
  }
  if (typeof type === 'function' && !('$$typeof' in type)) {
    return renderStaticMarkup((type as (p: Record<string, unknown>) => ReactNode | Promise<ReactNode>)(props));
  }
  const name = (type as { displayName?: string; name?: string })?.displayName ?? (type as { name?: string })?.name ?? String(type);
  throw new Error(`static markup cannot render the component ${name}: client components and special React types need an island`);
}
