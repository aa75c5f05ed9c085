// Builds the agent console once per install. Skips quietly while the console sources are
// absent (a partial checkout) so that `npm install` never fails on it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('web/console/index.html')) {
  console.log('relais: web/console not present, console build skipped');
  process.exit(0);
}
const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/console/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(vite.status ?? 1);
