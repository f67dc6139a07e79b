#!/usr/bin/env node
// The `inquiry` command: parses arguments and dispatches (see src/cli/main.ts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, '..', 'dist', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write(`inquiry: not built yet (no ${entry}); run "npm run build" in ${join(here, '..')}\n`);
  process.exit(2);
}
// output piped into a command that stops reading (`| head`): stop quietly, like other Unix tools
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import(entry);
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
