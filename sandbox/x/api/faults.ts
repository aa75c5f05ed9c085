/** Failures a test arms for the next matching X API calls, like Meta's `failNext`. */
export interface XFailNextInput {
  method?: string;
  /** A string matches the path or its end (`/messages`); a RegExp tests the path. */
  path?: string | RegExp;
  /** Default 1. */
  times?: number;
  /** Default 503 with a problem body. */
  status?: number;
  /** The answer's body (default X's problem body for the status). */
  body?: unknown;
  /** Extra answer headers, e.g. a chosen `x-rate-limit-reset`. */
  headers?: Record<string, string>;
  /** Wait first; alone (no status, body or hang) the call then succeeds. */
  delayMs?: number;
  /** Perform the call (echo included), then never answer. */
  actThenHang?: boolean;
}

export interface XFault { delayMs: number; actThenHang: boolean; answer?: { status: number; body: unknown; headers: Record<string, string> } }

export function createXFaults() {
  let armed: Array<XFailNextInput & { left: number }> = [];
  return {
    add(input: XFailNextInput) { armed.push({ ...input, left: input.times ?? 1 }); },
    take(method: string, path: string): XFault | undefined {
      const rule = armed.find((r) => r.left > 0 && matches(r, method, path));
      if (!rule) return undefined;
      rule.left -= 1;
      armed = armed.filter((r) => r.left > 0);
      const delayOnly = rule.delayMs !== undefined && rule.status === undefined && rule.body === undefined;
      if (delayOnly || rule.actThenHang) return { delayMs: rule.delayMs ?? 0, actThenHang: rule.actThenHang ?? false };
      const status = rule.status ?? 503;
      const body = rule.body ?? { title: status >= 500 ? 'Service Unavailable' : 'Error', detail: `Simulated HTTP ${status}`, type: 'about:blank', status };
      return { delayMs: rule.delayMs ?? 0, actThenHang: false, answer: { status, body, headers: rule.headers ?? {} } };
    },
    clear() { armed = []; },
  };
}

function matches(rule: XFailNextInput, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path === rule.path || path.endsWith(rule.path) : rule.path.test(path);
}
