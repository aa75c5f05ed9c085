import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The console holds no copy of a server type: it imports them from src/contracts. This
// type-checks the console against the real contracts, then against contracts whose label
// answer lost a field, and expects the console (not the contracts) to stop compiling.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const contractFile = resolve(root, 'src/contracts/inbox.ts');
const consoleDir = resolve(root, 'web/console/src');

let previous: ts.Program | undefined;
// Two consumers of the label answer are enough to show the link; `npm run typecheck` checks the whole console.
const consumers = ['settings/LabelsSettings.tsx', 'inbox/actions/LabelMenu.tsx', 'env.d.ts'].map((file) => resolve(consoleDir, file)).filter((file) => ts.sys.fileExists(file));

function consoleErrors(patch: (source: string) => string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (resolve(file) === contractFile ? patch(readFileSync(contractFile, 'utf8')) : readFile(file));
  // The second check reuses the first program's unchanged files.
  const program = ts.createProgram({ rootNames: consumers, options: parsed.options, host, oldProgram: previous });
  previous = program;
  // Only the console's own files are checked: the libraries and the contracts are not the point.
  return program.getSourceFiles().filter((file) => resolve(file.fileName).startsWith(consoleDir))
    .flatMap((file) => program.getSemanticDiagnostics(file))
    .map((d) => `${d.file!.fileName.slice(root.length + 1)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('the console against the contracts', () => {
  it('compiles as it is, and stops compiling when a response schema changes', () => {
    expect(consoleErrors((source) => source)).toEqual([]);
    const renamed = consoleErrors((source) => {
      const patched = source.replace("export const label = z.object({ id, name: z.string(), color: z.string() })", "export const label = z.object({ id, title: z.string(), color: z.string() })");
      expect(patched).not.toBe(source);
      return patched;
    });
    expect(renamed.length).toBeGreaterThan(0);
    expect(renamed.join('\n')).toMatch(/Property 'name' does not exist/);
  }, 120_000);
});
