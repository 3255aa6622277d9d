/**
 * NAV sources for registry tokens on anvil: a MockViewSource at an oracle / pool contract
 * (the token itself answers when the NAV contract is the token), a MockAggregatorV3 at a
 * Chainlink exchange-rate feed. Values are in the NAV's own decimals.
 */
import { EVM_TOKENS, type EvmToken } from '../../shared/registry/evm-tokens';
import type { AnvilNode } from './anvil';
import { installAggregator, installViewSource, setAggregatorRound, setView } from './evm-fixture';

const tokenAddresses = new Set(EVM_TOKENS.map((token) => token.address.toLowerCase()));

/** Mainnet tokens whose NAV is read on chain (a view call or a Chainlink exchange-rate feed). */
export const navTokens = (): EvmToken[] => EVM_TOKENS.filter((token) => token.chain === 'ethereum' && (token.nav?.type === 'call' || token.nav?.type === 'chainlink'));

export const navDecimals = (token: EvmToken): number => (token.nav?.type === 'call' || token.nav?.type === 'chainlink' ? token.nav.decimals : 18);

export async function installNavSource(node: AnvilNode, token: EvmToken): Promise<void> {
  if (token.nav?.type === 'call' && !tokenAddresses.has(token.nav.contract.toLowerCase())) await installViewSource(node, token.nav.contract);
  if (token.nav?.type === 'chainlink') await installAggregator(node, token.nav.feed);
}

/** `updatedAt` matters for Chainlink feeds only (their freshness is checked). */
export async function setNavRate(node: AnvilNode, token: EvmToken, value: bigint, updatedAt: number): Promise<void> {
  const nav = token.nav;
  if (nav?.type === 'call') {
    await setView(node, nav.contract, nav.signature, value, tokenAddresses.has(nav.contract.toLowerCase()) ? 'MockERC20' : 'MockViewSource');
  } else if (nav?.type === 'chainlink') {
    await setAggregatorRound(node, nav.feed, nav.decimals, value, updatedAt);
  } else throw new Error(`${token.symbol} has no on-chain NAV to set`);
}
