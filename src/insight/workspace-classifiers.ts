import type { Db } from '../store/index.ts';
import type { Classifier } from './classifier.ts';
import { createDefaultClassifier } from './default-classifier.ts';
import { createBlendedClassifier } from './blended-classifier.ts';
import { parseWorkspaceModel } from './workspace-model-schema.ts';
import { describeWorkspaceModel, trainWorkspaceModel, type Correction } from './workspace-model.ts';

export interface WorkspaceClassifiers {
  /** The shipped model, blended with the workspace's own once it has learnt enough. */
  /** Pass `db` when called inside a transaction (SQLite has one connection: another would wait on it). */
  forWorkspace(workspaceId: string, db?: Db): Promise<Classifier>;
  /** Retrains the workspace model from every correction; answers its new version. */
  retrain(workspaceId: string, corrections: Correction[], at: number): Promise<number>;
  describe(workspaceId: string): Promise<{ version: number; examples: number; trainedAt: number; summary: unknown } | null>;
}

/** Workspace models live in `workspace_models`; built classifiers are cached by version. */
export function createWorkspaceClassifiers(db: Db): WorkspaceClassifiers {
  const base = createDefaultClassifier();
  const cache = new Map<string, { version: number; classifier: Classifier }>();
  return {
    async forWorkspace(workspaceId, executor = db) {
      const row = await executor.selectFrom('workspace_models').select('version').where('workspace_id', '=', workspaceId).executeTakeFirst();
      if (!row) return base;
      const cached = cache.get(workspaceId);
      if (cached?.version === row.version) return cached.classifier;
      const stored = await executor.selectFrom('workspace_models').select(['version', 'model']).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      const classifier = createBlendedClassifier(base, parseWorkspaceModel(JSON.parse(stored.model)));
      cache.set(workspaceId, { version: stored.version, classifier });
      return classifier;
    },
    async retrain(workspaceId, corrections, at) {
      const model = trainWorkspaceModel(corrections);
      const current = await db.selectFrom('workspace_models').select('version').where('workspace_id', '=', workspaceId).executeTakeFirst();
      const version = (current?.version ?? 0) + 1;
      const row = { version, model: JSON.stringify(model), examples: corrections.length, summary: JSON.stringify(describeWorkspaceModel(model)), trained_at: at };
      if (current) await db.updateTable('workspace_models').set(row).where('workspace_id', '=', workspaceId).execute();
      else await db.insertInto('workspace_models').values({ workspace_id: workspaceId, ...row }).execute();
      return version;
    },
    async describe(workspaceId) {
      const row = await db.selectFrom('workspace_models').select(['version', 'examples', 'trained_at', 'summary']).where('workspace_id', '=', workspaceId).executeTakeFirst();
      return row ? { version: row.version, examples: row.examples, trainedAt: row.trained_at, summary: JSON.parse(row.summary) as unknown } : null;
    },
  };
}
