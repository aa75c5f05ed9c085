/** The X sandbox's state: shop accounts, people, posts and DMs, with snowflake-sized ids. */

export interface XAccountInput {
  /** Numeric user id, e.g. '1480000000000000001'. */
  id: string;
  screenName: string;
  name: string;
  /** The OAuth 2.0 user token Relais calls the API with. */
  accessToken: string;
}

export interface XUserInput {
  id: string;
  screenName: string;
  name: string;
  /** Whether the person accepts DMs from the shop (default true). */
  acceptsDms?: boolean;
}

export interface XUserRecord { id: string; screenName: string; name: string; acceptsDms: boolean; createdAt: number }
export type XAccountRecord = XUserRecord & { accessToken: string };

export interface XTweetRecord {
  id: string;
  authorId: string;
  text: string;
  inReplyToId: string | null;
  createdAt: number;
  /** The app that posted it: ours for API posts, null for people in X's apps. */
  sourceAppId: string | null;
  hidden: boolean;
  deleted: boolean;
}

export interface XDmRecord { id: string; senderId: string; recipientId: string; text: string; createdAt: number; sourceAppId: string | null }

export interface XWorld {
  accounts: Map<string, XAccountRecord>;
  users: Map<string, XUserRecord>;
  tweets: Map<string, XTweetRecord>;
  dms: XDmRecord[];
  /** The next snowflake: always past 2^53, as X's are. */
  nextId(): string;
}

// Real ids are ~1.85e18 today; 2^53 is ~9.0e15.
const FIRST_ID = 1851234567890123456n;

export function createXWorld(): XWorld {
  let last = FIRST_ID;
  return {
    accounts: new Map(), users: new Map(), tweets: new Map(), dms: [],
    nextId: () => { last += 1_000_003n; return String(last); },
  };
}

export function clearXWorld(world: XWorld, keepSetup: boolean): void {
  world.tweets.clear();
  world.dms.length = 0;
  if (!keepSetup) {
    world.accounts.clear();
    world.users.clear();
  }
}

export function requireUser(world: XWorld, id: string): XUserRecord {
  const user = world.users.get(id);
  if (!user) throw new Error(`Unknown X user ${id}: add it first`);
  return user;
}

export function requireTweet(world: XWorld, id: string): XTweetRecord {
  const tweet = world.tweets.get(id);
  if (!tweet) throw new Error(`Unknown tweet ${id}`);
  return tweet;
}
