/**
 * Failures a test arms for the next matching Graph calls: an error answer, a slow answer,
 * or the worst case for an idempotent sender, the action done and no answer ever given.
 */
import { GraphError, type GraphErrorFields } from './graph-error.ts';

export interface FailNextInput {
  method?: string;
  /** A string matches a path (without `/vNN.N`) equal to it or ending with it: `/messages`. */
  path?: string | RegExp;
  /** How many matching calls fail. Default 1. */
  times?: number;
  /** Default 400 with `error`, else 500 (Graph's transient code 2): `failNext({ path })` fails. */
  status?: number;
  error?: Partial<GraphErrorFields> & { code: number };
  /** Wait this long first; alone (no status, error or hang) the call then succeeds. */
  delayMs?: number;
  /** Perform the call, then never answer: the client times out not knowing it worked. */
  actThenHang?: boolean;
}

export interface Fault {
  delayMs: number;
  actThenHang: boolean;
  /** The answer to give instead of performing the call. */
  error?: GraphError;
}

export interface FaultList {
  add(input: FailNextInput): void;
  /** Consumes one use of the first armed fault that matches. */
  take(method: string, path: string): Fault | undefined;
  clear(): void;
}

export function createFaultList(): FaultList {
  let armed: Array<FailNextInput & { left: number }> = [];
  return {
    add(input) {
      armed.push({ ...input, left: input.times ?? 1 });
    },
    take(method, path) {
      const rule = armed.find((r) => r.left > 0 && matches(r, method, path));
      if (!rule) return undefined;
      rule.left -= 1;
      armed = armed.filter((r) => r.left > 0);
      const delayOnly = rule.delayMs !== undefined && rule.status === undefined && rule.error === undefined;
      return {
        delayMs: rule.delayMs ?? 0,
        actThenHang: rule.actThenHang ?? false,
        error: delayOnly || rule.actThenHang ? undefined : errorOf(rule),
      };
    },
    clear() {
      armed = [];
    },
  };
}

function matches(rule: FailNextInput, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path === rule.path || path.endsWith(rule.path) : rule.path.test(path);
}

function errorOf(rule: FailNextInput): GraphError {
  const status = rule.status ?? (rule.error ? 400 : 500);
  const fields: GraphErrorFields = rule.error
    ? { message: rule.error.message ?? `(#${rule.error.code}) Simulated error`, type: rule.error.type ?? 'OAuthException', ...rule.error }
    : status >= 500
      ? { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2, is_transient: true }
      : { message: 'An unknown error occurred', type: 'OAuthException', code: 1 };
  return new GraphError(status, fields);
}
