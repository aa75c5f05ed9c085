/**
 * Calls the Relais API as the person in a browser profile: the profile's own cookies, and
 * the CSRF header copied from its `relais_csrf` cookie, as the console does.
 */
import type { BrowserContext } from 'playwright-core';

export interface ProfileApi {
  get(path: string): Promise<any>;
  post(path: string, body?: unknown): Promise<any>;
  put(path: string, body?: unknown): Promise<any>;
}

export function profileApi(context: BrowserContext, baseUrl: string): ProfileApi {
  const csrf = async () => {
    let cookie = (await context.cookies(baseUrl)).find((c) => c.name === 'relais_csrf');
    if (!cookie) {
      await context.request.get(`${baseUrl}/api/v1/session`);
      cookie = (await context.cookies(baseUrl)).find((c) => c.name === 'relais_csrf');
    }
    return cookie?.value ?? '';
  };
  const answer = async (response: Awaited<ReturnType<BrowserContext['request']['get']>>, what: string) => {
    const text = await response.text();
    if (!response.ok()) throw new Error(`${what} answered ${response.status()}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    async get(path) {
      return answer(await context.request.get(`${baseUrl}${path}`), `GET ${path}`);
    },
    async post(path, body = {}) {
      const response = await context.request.post(`${baseUrl}${path}`, { data: body, headers: { 'x-csrf-token': decodeURIComponent(await csrf()) } });
      return answer(response, `POST ${path}`);
    },
    async put(path, body = {}) {
      const response = await context.request.put(`${baseUrl}${path}`, { data: body, headers: { 'x-csrf-token': decodeURIComponent(await csrf()) } });
      return answer(response, `PUT ${path}`);
    },
  };
}
