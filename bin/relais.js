#!/usr/bin/env node
// The `relais` command. Sources are TypeScript run through tsx, so there is no build step
// between a checkout and a running server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
