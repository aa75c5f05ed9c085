import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

// The deployment files an operator starts from. Where Docker Compose is installed the compose
// file goes through `docker compose config`; everywhere, a schema of what Relais needs from it.
const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const compose = parse(read('deploy/compose.yaml'), { merge: true }) as Record<string, any>;
const hasCompose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const healthy = z.object({ condition: z.enum(['service_healthy', 'service_completed_successfully', 'service_started']) });
const service = z.object({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string() }).optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), scalar).optional(),
  env_file: z.array(z.object({ path: z.string(), required: z.boolean() })).optional(),
  depends_on: z.union([z.array(z.string()), z.record(z.string(), healthy)]).optional(),
  ports: z.array(z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  healthcheck: z.object({ test: z.array(z.string()).optional(), disable: z.boolean().optional() }).passthrough().optional(),
  restart: z.enum(['no', 'always', 'on-failure', 'unless-stopped']).optional(),
}).strict();
const composeSchema = z.object({
  name: z.string().optional(),
  services: z.record(z.string(), service),
  volumes: z.record(z.string(), z.unknown().nullable()).optional(),
}).passthrough();

describe('deploy/compose.yaml', () => {
  it.runIf(hasCompose)('is accepted by docker compose config', () => {
    const result = spawnSync('docker', ['compose', '-f', 'deploy/compose.yaml', 'config', '--quiet'], { cwd: root, encoding: 'utf8', env: { ...process.env, RELAIS_SECRET_KEY: 'x'.repeat(32) } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs PostgreSQL, Redis, a migration, two serve, one worker and a proxy, wired as scale mode needs', () => {
    const parsed = composeSchema.parse(compose);
    const services = parsed.services;
    expect(Object.keys(services).sort()).toEqual(['migrate', 'postgres', 'proxy', 'redis', 'serve-a', 'serve-b', 'worker']);
    const relais = Object.entries(services).filter(([, s]) => s.build?.dockerfile === 'deploy/Dockerfile');
    expect(relais.map(([, s]) => s.command?.[0]).sort()).toEqual(['migrate', 'serve', 'serve', 'worker']);
    for (const [name, s] of relais) {
      expect(existsSync(join(root, 'deploy', s.build!.context, s.build!.dockerfile)), name).toBe(true);
      expect(String(s.environment?.DATABASE_URL), name).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
      expect(String(s.environment?.REDIS_URL), name).toMatch(/^redis:\/\/redis:6379/);
      expect(String(s.environment?.RELAIS_SECRET_KEY), name).toContain('RELAIS_SECRET_KEY');
      expect(s.ports, `${name} is reached through the proxy only`).toBeUndefined();
      const deps = s.depends_on as Record<string, { condition: string }>;
      expect(deps.postgres?.condition, name).toBe('service_healthy');
      if (name !== 'migrate') {
        expect(deps.redis?.condition, name).toBe('service_healthy');
        expect(deps.migrate?.condition, name).toBe('service_completed_successfully');
      }
    }
    expect(services.postgres!.healthcheck?.test?.join(' ')).toContain('pg_isready');
    expect(services.postgres!.volumes?.[0]).toMatch(/^pgdata:/);
    expect(services.redis!.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(services.proxy!.ports).toHaveLength(1);
  });

  it('points the proxy at both serve instances, checking /readyz', () => {
    const mount = compose.services.proxy.volumes[0] as string;
    const file = join(root, 'deploy', mount.split(':')[0]!);
    const caddyfile = readFileSync(file, 'utf8');
    expect(caddyfile).toMatch(/reverse_proxy serve-a:3000 serve-b:3000/);
    expect(caddyfile).toContain('health_uri /readyz');
  });
});

/** Stages of a Dockerfile: each FROM with the instructions under it. */
function stages(dockerfile: string): { from: string; name: string | undefined; lines: string[] }[] {
  const logical = dockerfile.replace(/\\\n\s*/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  const result: { from: string; name: string | undefined; lines: string[] }[] = [];
  for (const line of logical) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) result.push({ from: from[1]!, name: from[2], lines: [] });
    else result.at(-1)?.lines.push(line);
  }
  return result;
}

describe('deploy/Dockerfile', () => {
  const all = stages(read('deploy/Dockerfile'));
  const final = all.at(-1)!;

  it('is multi-stage, and the image runs as a user other than root', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const users = final.lines.filter((line) => /^USER\s/i.test(line));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(\s|:|$)/i);
    expect(final.lines.some((line) => /^ENTRYPOINT\s.*bin\/relais\.js/.test(line))).toBe(true);
    expect(final.lines.some((line) => /^HEALTHCHECK\s.*\/healthz/.test(line))).toBe(true);
  });

  it('ships production dependencies only: node_modules comes from a stage that omitted dev dependencies', () => {
    const copies = final.lines.filter((line) => /^COPY\s+--from=/.test(line) && /node_modules/.test(line));
    expect(copies).toHaveLength(1);
    const source = /--from=(\S+)/.exec(copies[0]!)![1];
    const stage = all.find((candidate) => candidate.name === source)!;
    expect(stage.lines.some((line) => /npm ci\b.*--omit=dev/.test(line))).toBe(true);
    expect(final.lines.some((line) => /^RUN\s.*npm (ci|install)/.test(line))).toBe(false);
    for (const line of final.lines.filter((l) => /^COPY\s/.test(l) && !/--from=/.test(l))) {
      const sources = line.replace(/--\S+/g, '').trim().split(/\s+/).slice(1, -1);
      for (const path of sources) expect(existsSync(join(root, path)), path).toBe(true);
    }
  });

  it('holds everything the server imports at run time in `dependencies`', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const imported = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(root, dir))) {
        const path = join(dir, entry);
        if (statSync(join(root, path)).isDirectory()) walk(path);
        else if (/\.(ts|js)$/.test(entry) && !/\.test\.ts$|testing\.ts$|fixtures-for-tests\.ts$/.test(entry)) {
          for (const match of read(path).matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^.'][^']*)'|import\('([^.'][^']*)'\)/gm)) {
            const name = (match[1] ?? match[2])!;
            if (name.startsWith('node:')) continue;
            imported.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!);
          }
        }
      }
    };
    walk('src');
    walk('bin');
    expect([...imported]).toEqual(expect.arrayContaining(['fastify', 'ioredis', 'kysely', 'tsx']));
    const missing = [...imported].filter((name) => !(name in pkg.dependencies));
    expect(missing).toEqual([]);
  });
});
