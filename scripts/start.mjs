/**
 * `npm start`: serves the production build on $PORT (default 3000) in this process, so one PID owns the
 * server (stopping `npx next start` orphans next-server). The embedded sandbox and database need nothing else.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('.next/BUILD_ID')) {
  console.error('No production build found: run `npm run build` first (or `npm run serve` to build and start).');
  process.exit(1);
}
const port = process.env.PORT ?? '3000';
const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
