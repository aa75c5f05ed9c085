import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Waits until the element's text contains `expected`, then asserts it, so a failure reports
 * what was actually on screen instead of a bare timeout.
 */
export async function expectText(locator: Locator, expected: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.first().textContent({ timeout: Math.max(1, deadline - Date.now()) }).catch(() => null)) ?? '';
    if (text.includes(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(text).toContain(expected);
}

/** Polls `check` until it holds, then returns; fails naming what it waited for. */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
