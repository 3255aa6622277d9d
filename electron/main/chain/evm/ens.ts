/** ENS forward resolution on Ethereum mainnet through viem's Universal Resolver path. */
import { getAddress } from 'viem';
import type { EvmClient } from './client';

export async function resolveEnsName(evm: EvmClient, name: string): Promise<`0x${string}` | null> {
  const address = await evm.client.getEnsAddress({ name });
  return address ? getAddress(address) : null;
}
