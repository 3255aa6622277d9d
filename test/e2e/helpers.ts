/** Steps the browser-mode E2E specs share. */
import { expect, type Page } from '@playwright/test';

/** The Yield page's percent display: two decimals, a real minus sign, "+" on request for positives. */
export const percent = (fraction: number, signed = false) => `${fraction < 0 ? '−' : signed && fraction > 0 ? '+' : ''}${Math.abs(fraction * 100).toFixed(2)} %`;

export const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

/** Adds one wallet on the Wallets page, then refreshes every chain from the Portfolio page. */
export async function addWalletAndRefresh(page: Page, launchUrl: string, address: string): Promise<void> {
  await page.goto(launchUrl);
  await nav(page, 'Wallets');
  await page.getByLabel('Address or ENS name').fill(address);
  await page.getByRole('button', { name: 'Add wallet' }).click();
  await nav(page, 'Portfolio');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('progress-ethereum')).toContainText('done');
}
