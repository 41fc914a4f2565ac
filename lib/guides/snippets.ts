/**
 * Finds the code blocks of the guides that the test suite runs. A block is marked in its fence's meta:
 * ```bash title="cURL" runnable```  — calls the API; run against the sandbox, every runnable block of one
 *                                     page and language in order, as one script (set-up once per page);
 * ```ts title="TypeScript" vectors``` — verifies webhook signatures; run against the published test vectors.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export type SnippetKind = 'runnable' | 'vectors';
export type SnippetLang = 'bash' | 'ts' | 'php' | 'python';

export interface Snippet {
  /** content/guides/quickstart.mdx */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  title?: string;
  kind?: SnippetKind;
  code: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})([\w+-]*)[ \t]*(.*)$/;
const LANG_ALIASES: Record<string, SnippetLang> = {
  bash: 'bash',
  sh: 'bash',
  shell: 'bash',
  ts: 'ts',
  typescript: 'ts',
  php: 'php',
  python: 'python',
  py: 'python',
};

export const normaliseLang = (lang: string): SnippetLang | undefined => LANG_ALIASES[lang.toLowerCase()];

/** Every fenced code block of an MDX source, with its meta flags. */
export function extractSnippets(source: string, file: string): Snippet[] {
  const out: Snippet[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang, meta] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (l.trim().startsWith(fence) && l.trim().replace(/[`~]/g, '') === '') break;
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l);
    }
    const title = /title="([^"]*)"/.exec(meta)?.[1];
    const flags = meta
      .replace(/\w+="[^"]*"/g, '')
      .split(/\s+/)
      .filter(Boolean);
    const kind = flags.includes('runnable') ? 'runnable' : flags.includes('vectors') ? 'vectors' : undefined;
    out.push({ file, line: i + 1, lang, title, kind, code: body.join('\n') });
    i = j;
  }
  return out;
}

/** Every .mdx file under a folder, recursively, as paths relative to `root`. */
export function mdxFiles(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...mdxFiles(full, root));
    else if (name.endsWith('.mdx')) out.push(relative(root, full));
  }
  return out;
}

/** All snippets of all guides under `contentDir` (paths in the result are relative to the repository). */
export function allSnippets(contentDir = 'content'): Snippet[] {
  return mdxFiles(contentDir).flatMap((f) => extractSnippets(readFileSync(join(contentDir, f), 'utf8'), join(contentDir, f)));
}

export interface Script {
  file: string;
  lang: SnippetLang;
  snippets: Snippet[];
  /** The blocks joined in page order; PHP opening tags after the first are dropped. */
  code: string;
}

/** The runnable blocks of each page and language, joined into one script each. */
export function runnableScripts(snippets: Snippet[], kind: SnippetKind = 'runnable'): Script[] {
  const groups = new Map<string, Script>();
  for (const s of snippets) {
    const lang = normaliseLang(s.lang);
    if (s.kind !== kind || !lang) continue;
    const key = `${s.file}\u0000${lang}`;
    const g = groups.get(key) ?? { file: s.file, lang, snippets: [], code: '' };
    g.snippets.push(s);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    g.code = g.snippets.map((s, i) => (g.lang === 'php' && i > 0 ? s.code.replace(/^<\?php\s*\n/, '') : s.code)).join('\n\n');
  }
  return [...groups.values()];
}
