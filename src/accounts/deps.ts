import type { Clock } from '../kernel/index.ts';
import type { Db, Role } from '../store/index.ts';
import type { TokenScope } from '../contracts/index.ts';
import type { Throttle } from './throttle.ts';

/** What the accounts use-cases need, handed in by the composition root. */
export interface AccountsDeps {
  db: Db;
  clock: Clock;
  throttle: Throttle;
  settings: {
    publicUrl: string;
    session: { idleMs: number; maxAgeMs: number };
    signIn: { maxFailures: number; windowMs: number };
  };
}

/** Who is calling, resolved from a session cookie or an API token. */
export interface Caller {
  via: 'session' | 'token';
  userId: string | null;
  tokenId: string | null;
  sessionId: string | null;
  workspaceId: string;
  role: Role;
  /** An API token's scope (`read`, `write`, `admin`), checked with its role on every route. */
  scope?: TokenScope;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}
