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
const { main } = await import(entry);
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
