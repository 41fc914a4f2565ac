/**
 * Runs a guide's snippets: one script per page and language, in a temporary folder, with the SDK stand-ins
 * in place of `@factuarea/sdk` and `vendor/autoload.php`, and FACTUAREA_API_KEY / FACTUAREA_API_URL set.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openapiDocument } from '../../lib/openapi/document';
import { isPaginatedList, isWrite, listOperations } from '../../lib/openapi/operations';
import { phpMethodName } from '../../lib/openapi/samples';
import type { SnippetLang } from '../../lib/guides/snippets';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TS_SDK = join(ROOT, 'tests/guides/sdk-typescript.ts');
const PHP_SDK = join(ROOT, 'tests/guides/sdk-php/autoload.php');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** The PHP stand-in's map of method names to operations. */
function phpOperationsFile(dir: string): string {
  const doc = openapiDocument();
  const ops: Record<string, unknown> = {};
  for (const op of listOperations(doc)) {
    const body = op.requestBody?.content.find((c) => c.mediaType.includes('json'))?.schema;
    const ref = typeof body?.$ref === 'string' ? body.$ref.split('/').pop() : null;
    ops[phpMethodName(op.operationId)] = {
      namespace: op.operationId
        .replace(/^public-api\.v1\./, '')
        .split('.')[0]
        .replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
      method: op.method.toUpperCase(),
      path: op.path,
      pathParams: op.parameters.filter((p) => p.in === 'path').map((p) => p.name),
      paginated: isPaginatedList(doc, op),
      write: isWrite(op.method),
      bodySchema: ref,
    };
  }
  const file = join(dir, 'operations.json');
  writeFileSync(file, JSON.stringify(ops));
  return file;
}

/** Prepares a script for the stand-ins: the SDK import and the Composer autoloader point at them. */
export function prepare(lang: SnippetLang, code: string): string {
  if (lang === 'ts') return code.replace(/from\s+["']@factuarea\/sdk["']/g, `from ${JSON.stringify(TS_SDK)}`);
  if (lang === 'php')
    return code.replace(/require\s+(?:__DIR__\s*\.\s*)?['"][^'"]*vendor\/autoload\.php['"];/, `require ${JSON.stringify(PHP_SDK)};`);
  return code;
}

function setUp(lang: SnippetLang, code: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'guide-snippet-'));
  const file = join(dir, { bash: 'script.sh', ts: 'script.mts', php: 'script.php', python: 'script.py' }[lang]);
  writeFileSync(file, prepare(lang, code));
  const command = {
    bash: ['bash', ['-euo', 'pipefail', file]],
    ts: [join(ROOT, 'node_modules/.bin/tsx'), [file]],
    php: ['php', [file]],
    python: ['python3', [file]],
  }[lang] as [string, string[]];
  const extra = lang === 'php' ? { FACTUAREA_SDK_OPERATIONS: phpOperationsFile(dir) } : {};
  return { dir, command, env: { ...process.env, FACTUAREA_REPO_ROOT: ROOT, ...extra, ...env } };
}

/** Runs a script and waits (blocks the event loop: not for scripts that call a server of this process). */
export function runScript(lang: SnippetLang, code: string, env: Record<string, string> = {}, timeout = 120_000): RunResult {
  const { dir, command, env: fullEnv } = setUp(lang, code, env);
  const res = spawnSync(command[0], command[1], { cwd: dir, env: fullEnv, encoding: 'utf8', timeout });
  return { status: res.status, stdout: res.stdout ?? '', stderr: (res.stderr ?? '') + (res.error ? String(res.error) : '') };
}

/** Runs a script without blocking, so it can call a server running in this process. */
export function runScriptAsync(lang: SnippetLang, code: string, env: Record<string, string> = {}, timeout = 120_000): Promise<RunResult> {
  const { dir, command, env: fullEnv } = setUp(lang, code, env);
  return new Promise((resolve) => {
    const child = spawn(command[0], command[1], { cwd: dir, env: fullEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', (e) => (stderr += String(e)));
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Appends a driver that runs the snippet's verifier over every vector and prints `[{ name, valid }]`. */
export function vectorsDriver(lang: SnippetLang, vectorsFile: string): string {
  const f = JSON.stringify(vectorsFile);
  switch (lang) {
    case 'ts':
      return `\nimport { readFileSync as __read } from "node:fs";\nconst __vectors = JSON.parse(__read(${f}, "utf8")).vectors as { name: string; payload: string; header: string; secret: string; now: number }[];\nconsole.log(JSON.stringify(__vectors.map((v) => ({ name: v.name, valid: verifyFactuareaSignature(v.payload, v.header, v.secret, v.now) }))));\n`;
    case 'python':
      return `\nimport json as __json\nwith open(${f}, encoding="utf-8") as __fh:\n    __vectors = __json.load(__fh)["vectors"]\nprint(__json.dumps([{"name": v["name"], "valid": verify_factuarea_signature(v["payload"].encode("utf-8"), v["header"], v["secret"], now=v["now"])} for v in __vectors]))\n`;
    case 'php':
      return `\n$__vectors = json_decode(file_get_contents(${f}), true)['vectors'];\necho json_encode(array_map(fn ($v) => ['name' => $v['name'], 'valid' => verify_factuarea_signature($v['payload'], $v['header'], $v['secret'], $v['now'])], $__vectors)), PHP_EOL;\n`;
    default:
      throw new Error(`no vectors driver for ${lang}`);
  }
}
