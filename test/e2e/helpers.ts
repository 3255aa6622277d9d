/** Steps the browser-mode E2E specs share. */
import { expect, type Page } from '@playwright/test';

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
