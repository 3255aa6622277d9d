/**
 * EigenLayer rewards a wallet has claimed: RewardsCoordinator.cumulativeClaimed(earner, token)
 * for each known reward token, read like a rate (stored per snapshot and at past blocks), so
 * the claims inside a window are the difference of two reads.
 */
import { parseAbi } from 'viem';
import { REWARD_TOKENS, REWARDS_COORDINATOR } from '../../../../shared/registry/eigenlayer';
import type { PlannedRate } from './rates';

/** IRewardsCoordinator.sol @f84a515 (Layr-Labs/eigenlayer-contracts). */
export const rewardsCoordinatorAbi = parseAbi(['function cumulativeClaimed(address claimer, address token) view returns (uint256)']);

export const claimedKey = (earner: string, symbol: string): string => `claimed:${earner.toLowerCase()}:${symbol}`;

export function planRewardClaims(earners: readonly `0x${string}`[]): PlannedRate[] {
  return earners.flatMap((earner) =>
    REWARD_TOKENS.map((token) => ({
      key: claimedKey(earner, token.symbol),
      decimals: token.decimals,
      source: `EigenLayer RewardsCoordinator cumulativeClaimed(${token.symbol}) on ${REWARDS_COORDINATOR}`,
      call: { address: REWARDS_COORDINATOR, abi: rewardsCoordinatorAbi, functionName: 'cumulativeClaimed', args: [earner, token.address] },
      chainlink: false,
    })),
  );
}
