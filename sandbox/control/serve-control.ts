/**
 * The control API every platform of the simulator shares: `POST /_sandbox/<platform>/<action>`
 * with the action's input as a JSON object, `GET /_sandbox/<platform>/log` for what the
 * platform received and sent. Bad input answers 400 with the reason, an unknown action 404
 * with the list of actions.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isRecord, readBody, sendJson } from '../http-io.ts';

export type ControlCommand = (body: Record<string, unknown>) => unknown;

export interface ControlSurface {
  /** What `GET …/log` answers: JSON-ready (no Map). */
  log(): unknown;
  commands: Record<string, ControlCommand>;
}

export async function serveControl(surface: ControlSurface, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (name === 'log') {
    if (req.method !== 'GET') return sendJson(res, 405, { error: { message: 'Use GET' } });
    return sendJson(res, 200, surface.log());
  }
  const command = Object.hasOwn(surface.commands, name) ? surface.commands[name] : undefined;
  if (!command) return sendJson(res, 404, { error: { message: `Unknown control "${name}"`, controls: ['log', ...Object.keys(surface.commands)] } });
  if (req.method !== 'POST') return sendJson(res, 405, { error: { message: 'Use POST' } });
  try {
    const raw = (await readBody(req)).toString('utf8');
    const body: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
    if (!isRecord(body)) throw new Error('The body must be a JSON object');
    sendJson(res, 200, (await command(body)) ?? { ok: true });
  } catch (error) {
    const issues = error instanceof z.ZodError ? error.issues : undefined;
    sendJson(res, 400, { error: { message: error instanceof Error ? error.message : String(error), ...(issues ? { issues } : {}) } });
  }
}

/** A Map's values as a list, for the log. */
export const values = <T>(map: Map<string, T>): T[] => [...map.values()];
