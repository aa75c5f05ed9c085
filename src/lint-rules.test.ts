import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The project's own lint config (docs/adr/0020) run on small trees laid out like src/: the
// rules that keep modules apart must fire on a breach and stay quiet otherwise. `npm test`
// lints the real tree, so it holds there too.
const config = fileURLToPath(new URL('../eslint.config.js', import.meta.url));

describe('lint rules on module boundaries', () => {
  let root: string;
  let eslint: ESLint;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'relais-lint-'));
    eslint = new ESLint({ cwd: root, overrideConfigFile: config });
  });
  afterAll(async () => { await rm(root, { recursive: true, force: true }); });

  async function tree(files: Record<string, string>): Promise<void> {
    await rm(join(root, 'src'), { recursive: true, force: true });
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
  }
  async function problems(): Promise<string[]> {
    const results = await eslint.lintFiles(['src/**/*.ts']);
    return results.flatMap((result) => result.messages.map((message) => `${result.filePath.slice(root.length + 1)} ${message.ruleId}`));
  }
  async function textProblems(path: string, text: string): Promise<(string | null)[]> {
    const [result] = await eslint.lintText(text, { filePath: join(root, path) });
    return result!.messages.map((message) => message.ruleId);
  }

  it('fails on two modules that import each other through their index.ts, and passes once one edge is cut', async () => {
    const modules = {
      'src/inbox/index.ts': "export { reply } from './reply.ts';\n",
      'src/commerce/index.ts': "export { recover } from './recover.ts';\n",
      'src/commerce/recover.ts': "import { reply } from '../inbox/index.ts';\nexport const recover = (text: string) => reply(text);\n",
    };
    await tree({ ...modules, 'src/inbox/reply.ts': "import { recover } from '../commerce/index.ts';\nexport const reply = (text: string): string => (text ? text : String(recover)) ;\n" });
    const cycle = await problems();
    expect(cycle).toContain('src/commerce/recover.ts import-x/no-cycle');
    expect(cycle).toContain('src/inbox/reply.ts import-x/no-cycle');

    // The port: the inbox no longer knows commerce.
    await tree({ ...modules, 'src/inbox/reply.ts': 'export const reply = (text: string): string => text;\n' });
    expect(await problems()).toEqual([]);
  });

  it('keeps the sandbox to the sandbox command, the demo and tests', async () => {
    const importSandbox = "import { startSandbox } from '../../sandbox/index.ts';\nexport const start = startSandbox;\n";
    expect(await textProblems('src/inbox/start.ts', importSandbox)).toEqual(['no-restricted-imports']);
    expect(await textProblems('src/demo/start.ts', importSandbox)).toEqual([]);
    expect(await textProblems('src/inbox/start.test.ts', importSandbox)).toEqual([]);
    expect(await textProblems('src/commerce/testing.ts', importSandbox)).toEqual([]);
  });

  it('keeps test helpers out of production code', async () => {
    for (const helper of ['../jobs/testing.ts', './testing.ts', './fixtures-for-tests.ts', './routing-fixtures.ts']) {
      const text = `import { helper } from '${helper}';\nexport const use = helper;\n`;
      expect(await textProblems('src/commerce/use.ts', text), helper).toEqual(['no-restricted-imports']);
      expect(await textProblems('src/commerce/use.test.ts', text), helper).toEqual([]);
    }
    expect(await textProblems('src/demo/use.ts', "import { waitFor } from '../jobs/testing.ts';\nexport const use = waitFor;\n")).toEqual(['no-restricted-imports']);
  });

  it('refuses a module internal from outside it, and a cast job payload', async () => {
    expect(await textProblems('src/commerce/use.ts', "import { sendReply } from '../inbox/send-reply.ts';\nexport const use = sendReply;\n")).toEqual(['no-restricted-imports']);
    const cast = "export const handler = async (payload: unknown) => (payload as { workspaceId: string }).workspaceId;\n";
    expect(await textProblems('src/commerce/jobs.ts', cast)).toEqual(['no-restricted-syntax']);
    expect(await textProblems('src/commerce/jobs.ts', 'export const handler = async (payload: { workspaceId: string }) => payload.workspaceId;\n')).toEqual([]);
  });
});
