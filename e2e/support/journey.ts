import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './server.js';

export type Journey = {
  /** The app under test (started before the first test of the block). */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Logs a demo user in through the login page and waits for the dashboard. */
  login(page: Page, username: string): Promise<void>;
};

/**
 * One server on a fresh SQLite database and one Chromium for the journeys of a describe block:
 * started in beforeAll, stopped in afterAll. Hooks a file adds after this one run after the start.
 */
export function useJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use it inside a test or hook`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async login(page, username) {
      await page.goto(`${started(server, 'server').baseUrl}/login`);
      await page.locator('#login_username').fill(username);
      await page.locator('#login_password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/dashboard$/);
    },
  };
}
