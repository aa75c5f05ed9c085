/**
 * Chromium for the browser journeys, through playwright-core and the system browser: no
 * browser is ever downloaded. Each profile is a fresh user-data-dir, so two profiles are
 * two people on two machines (separate cookies and storage).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Whether the journeys can run here. Without Chromium a developer's run skips them with a
 * message; under CI=true a missing browser must fail the run instead of passing silently.
 *
 * @example describe.skipIf(!chromiumAvailable())('console', () => { ... })
 */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${chromiumPath}: browser journeys are required when CI=true`);
  console.warn(`Chromium not found at ${chromiumPath}: skipping browser journeys; set CI=true to require them`);
  return false;
}

export interface Profile {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors (CSP violations land here), to assert there are none. */
  errors: string[];
  close(): Promise<void>;
}

/** Launches Chromium on a new temporary profile; `locale` sets navigator.language. */
export async function openProfile(options: { locale?: string } = {}): Promise<Profile> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'relais-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    locale: options.locale ?? 'fr-FR',
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
