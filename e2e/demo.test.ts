/**
 * The demo as a newcomer meets it: `npm run demo` (what README says to type) in its own
 * process, with a fresh data dir, a free port for Relais and one for the simulator, and
 * nothing else set up. Signed in with the credentials it prints, the inbox holds Facebook,
 * Instagram, Messenger, X and site-chat conversations; a shop customer's conversation shows
 * the shop's orders and her open cart; the reports show a recovered cart and the attribution
 * report has figures; a jeu-concours runs with its entries; the shop page the demo serves
 * carries the chat, and a visitor's message reaches the inbox. The whole journey is bounded (90 s) and the process tree is ended.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, openProfile, type Profile } from './browser.ts';
import { row } from './inbox-harness.ts';
import { expectText, waitUntil } from './wait.ts';
import { freePort } from '../src/realtime/testing.ts';

const JOURNEY_MS = 90_000;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!chromiumAvailable())('npm run demo, in a browser', () => {
  const started = Date.now();
  let child: ChildProcess;
  let exited: Promise<void>;
  let dataDir: string;
  let profile: Profile;
  let out = '';
  let url = '';
  let shopPage = '';
  let credentials = { email: '', password: '' };
  const printed = (pattern: RegExp) => pattern.exec(out);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relais-demo-e2e-'));
    const [port, sandboxPort] = [await freePort(), await freePort()];
    url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
    // Nothing of the test run's own setup may help the demo: it must stand on its own.
    for (const name of ['RELAIS_DATA_DIR', 'DATABASE_URL', 'REDIS_URL', 'PORT', 'RELAIS_ALLOW_PRIVATE_API_BASE', 'RELAIS_SANDBOX_PORT']) delete env[name];
    // Its own process group, so the end of the test ends npm, node and everything they started.
    child = spawn('npm', ['run', 'demo', '--', '--port', String(port), '--data-dir', join(dataDir, 'data'), '--sandbox-port', String(sandboxPort), '--speed', '25'], { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
    child.stderr!.on('data', (chunk: Buffer) => { out += chunk.toString('utf8'); });
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    await waitUntil(() => Boolean(printed(/Playing a day/)) || child.exitCode !== null, 'the demo to print its sign-in', 40_000);
    expect(child.exitCode, out).toBeNull();
    const signIn = printed(/Sign in\s+(\S+)\s+password (\S+)/)!;
    credentials = { email: signIn[1]!, password: signIn[2]! };
    shopPage = printed(/Shop page\s+(\S+)/)![1]!;
    expect(printed(/Console\s+(\S+)/)![1]).toBe(`http://localhost:${port}`);
    expect(printed(new RegExp(`Sandbox\\s+http://127\\.0\\.0\\.1:${sandboxPort}/`))).not.toBeNull();
    profile = await openProfile({ locale: 'fr-FR' });
  }, 60_000);

  afterAll(async () => {
    await profile?.close();
    if (child?.pid && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const ended = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 8000))]);
      if (!ended) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
    expect(Date.now() - started).toBeLessThan(JOURNEY_MS);
  }, 20_000);

  it('signs in with the printed credentials and finds conversations from every channel', async () => {
    const page = profile.page;
    await page.goto(`${url}/`);
    const form = page.getByTestId('sign-in-form');
    await form.getByLabel('Adresse e-mail').fill(credentials.email);
    await form.getByLabel('Mot de passe').fill(credentials.password);
    await form.locator('button[type=submit]').click();
    await page.waitForURL(/\/inbox/);
    // The day plays on: wait for its last conversations, the site chat's included.
    await waitUntil(() => Boolean(printed(/■ The day is over/)), 'the demo day to end', 40_000);
    expect(out).not.toMatch(/^⚠/m);
    await page.goto(`${url}/inbox?view=open`);
    for (const surface of ['facebook', 'instagram', 'messenger', 'x', 'webchat']) {
      await page.locator(`[data-testid=conversation-row] svg.channel-${surface}`).first().waitFor({ timeout: 8000 });
    }
  }, 60_000);

  it('shows a shop customer’s orders, with the shop’s name, and her open cart beside her site-chat conversation', async () => {
    const page = profile.page;
    await row(page, 'créoles Lune dans mon panier').click();
    const panel = page.getByTestId('commerce-panel');
    await expectText(panel.getByTestId('order'), '#4514', 8000);
    await expectText(panel.getByTestId('order'), 'Maison Lune');
    await expectText(panel.getByTestId('open-cart'), '78,00');
  });

  it('shows the recovered cart and an attribution report with figures', async () => {
    const page = profile.page;
    await page.goto(`${url}/reports`);
    // Tomorrow as the end: the console's days are UTC dates, the shop's are Paris ones.
    await page.getByTestId('reports-to').fill(day(1));
    await page.locator('form.inline-form button[type=submit]').click();
    await expectText(page.getByTestId('recovered-carts'), 'Paniers récupérés : 1', 8000);
    await expectText(page.getByTestId('recovered-carts'), '89,00');

    await page.goto(`${url}/settings/attribution`);
    await page.getByTestId('attribution-to').fill(day(1));
    await page.getByTestId('attribution-report').locator('form.inline-form button[type=submit]').click();
    const total = page.getByTestId('attribution-total');
    await total.first().waitFor({ timeout: 8000 });
    const text = (await total.first().textContent()) ?? '';
    expect(text).toMatch(/[1-9]\d* commandes?/);
    expect(text).toMatch(/[1-9][\d\s ]*,\d\d/);
    expect(await page.getByTestId('attribution-none').count()).toBe(0);
  });

  it('lists the jeu-concours running on the Page, its entries counted', async () => {
    const page = profile.page;
    await page.goto(`${url}/contests`);
    const list = page.getByTestId('contest-list');
    await expectText(list, 'Jeu-concours : une robe Céleste à gagner', 8000);
    await expectText(list, 'En cours');
    await expectText(list, '3 participations, 3 valables');
  });

  it('serves the shop page with the chat, where a visitor’s message reaches the inbox', async () => {
    const visitor = await profile.context.newPage();
    await visitor.goto(shopPage);
    const chat = visitor.frameLocator('iframe[data-relais-widget]');
    await chat.getByTestId('launcher').click();
    await expectText(chat.getByTestId('greeting'), 'Bonjour');
    await chat.getByTestId('composer').fill('Bonjour, je teste le chat de la démo');
    await chat.getByTestId('composer').press('Enter');
    const page = profile.page;
    await page.goto(`${url}/inbox?view=open`);
    await row(page, 'je teste le chat de la démo').locator('svg.channel-webchat').waitFor({ timeout: 8000 });
    await visitor.close();
  });
});
