/**
 * Test support: Fastify's own route table, read from `app.printRoutes()`, so the security
 * suites (route × role × spelling, fuzz) cover every route the router knows, including
 * routes a plugin made, and fail when one appears that they do not know.
 */
import type { FastifyInstance } from 'fastify';

export interface TableRoute {
  method: string;
  /** The path as declared, with `:params`. */
  path: string;
}

/** Every (method, path) pair of the app's router; HEAD included where Fastify added it. */
export function routeTable(app: FastifyInstance): TableRoute[] {
  const lines = app.printRoutes({ commonPrefix: false }).split('\n').filter((line) => line.includes('── '));
  const stack: string[] = [];
  const routes: TableRoute[] = [];
  for (const line of lines) {
    const at = line.indexOf('── ');
    const depth = Math.round((at - 1) / 4);
    const text = line.slice(at + 3);
    const [, segment = '', methods] = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(text) ?? [];
    const path = (depth > 0 ? stack[depth - 1] ?? '' : '') + segment;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of methods?.split(', ') ?? []) routes.push({ method, path });
  }
  return routes;
}

/** Sample values for path parameters: well-formed ids that exist nowhere, and known names. */
const sampleParams: Record<string, string> = {
  provider: 'meta', action: 'hide', token: 'not-a-real-invitation-token', key: 'not-a-real-key',
};

export function samplePath(path: string): string {
  return path.replace(/:(\w+)/g, (_all, name: string) => sampleParams[name] ?? '01jx0000000000000000000000');
}
