/**
 * The Jito (Solana) part of the Exposure page, from the latest Solana snapshot: each vault
 * behind a VRT the wallets hold, its operator delegations and NCN tickets as configured, and
 * the plain statement that no stake can be slashed there yet (Jito has no live slashing).
 */
import type { JitoExposure } from '../../../shared/ipc/exposure-schemas';
import type { Portfolio } from '../../../shared/ipc/schemas';
import type { AppContext } from './context';

const STATEMENT =
  'Slashing is not live on Jito (Re)staking: the Jito docs say the slashing program is not currently live, and the vault program has no slash instruction. Vault delegations and NCN tickets are shown as configured; no stake can currently be slashed, so no slashable amount is shown.';
const SOURCE =
  'jito-foundation/jito-omnidocs restaking/jito-restaking-overview/index.md @44f583b ("The slashing program is not currently live"); jito-foundation/restaking commit 08d198b "VAULT: Remove Slash (#141)"; docs/research/jito-restaking.md §6';

export function jitoExposure(ctx: AppContext, portfolio: Portfolio): JitoExposure {
  const solana = portfolio.chains.find((chain) => chain.chain === 'solana')?.snapshot ?? null;
  const base = { slashingLive: false, statement: STATEMENT, source: SOURCE };
  if (!solana) return { ...base, asOf: null, vaults: [] };
  const links = ctx.repos.solana.links(solana.id);
  const vaultOfMint = new Map(links.filter((link) => link.kind === 'vrt').map((link) => [link.address, link.vault]));
  const held = new Map<string, { symbol: string; value: bigint | null }>();
  for (const position of portfolio.positions) {
    const vault = position.chain === 'solana' && position.tokenAddress ? vaultOfMint.get(position.tokenAddress) : undefined;
    if (!vault || position.rawAmount === '0') continue;
    const entry = held.get(vault) ?? { symbol: position.symbol, value: 0n };
    const value = position.valuation?.underlyingValue;
    entry.value = entry.value === null || value == null ? null : entry.value + BigInt(value);
    held.set(vault, entry);
  }
  return {
    ...base,
    asOf: { slot: solana.blockNumber, blockTime: solana.blockTime },
    vaults: [...held].map(([vault, entry]) => ({
      vault,
      vrtSymbol: entry.symbol,
      heldValue: entry.value?.toString() ?? null,
      operators: links.filter((link) => link.vault === vault && link.kind === 'operator').map((link) => ({ address: link.address, stakedAmount: link.amount ?? '0' })),
      ncns: links.filter((link) => link.vault === vault && link.kind === 'ncn').map((link) => ({ address: link.address, state: link.state ?? 'unknown' })),
    })),
  };
}
