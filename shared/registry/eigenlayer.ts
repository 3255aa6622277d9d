/**
 * EigenLayer core contracts on Ethereum mainnet (proxy addresses).
 * Source: Layr-Labs/eigenlayer-contracts README.md @ f84a5151080cdf0b77b9b6e46506cde723d06c28,
 * "Current Deployment Contracts → Mainnet Ethereum" (protocol v1.12.0).
 */
export const EIGENLAYER = {
  source: 'Layr-Labs/eigenlayer-contracts README.md @f84a515 (Mainnet Ethereum, v1.12.0)',
  strategyManager: '0x858646372CC42E1A627fcE94aa7A7033e7CF075A',
  delegationManager: '0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A',
  eigenPodManager: '0x91E677b07F7AF907ec9a428aafA9fc14a0d3A338',
  allocationManager: '0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39',
  /** Legacy AVS registry; still where pre-slashing AVSs published their metadata URI. */
  avsDirectory: '0x135DDa560e946695d6f155dACaFC6f1F25C1F5AF',
  /** Not a contract: the marker EigenLayer uses for beacon-chain ETH shares (same README). */
  beaconChainEthStrategy: '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0',
} as const;

/** The beacon chain slashing factor is a WAD (1e18 = no slashing): IEigenPodManager docs. */
export const WAD = 10n ** 18n;

/**
 * RewardsCoordinator (proxy), where AVS rewards are claimed. Same README table as above.
 * `cumulativeClaimed(address, IERC20)` is keyed by the earner: RewardsCoordinator.sol
 * `_processClaim` reads and writes `cumulativeClaimed[earner][token]` (the interface names
 * the first argument `claimer`, but the storage is per earner) @f84a515.
 */
export const REWARDS_COORDINATOR = '0x7750d328b314EfFa365A0402CcfD489B80B0adda' as const;

export interface RewardToken {
  symbol: string;
  address: `0x${string}`;
  decimals: number;
  /** Worth exactly 1 ETH per token (wrapped ether), so its rewards count as ETH yield. */
  ethPar: boolean;
  source: string;
}

/**
 * Reward tokens whose claims Slashboard reads. AVSs may pay in any ERC-20; these two are the
 * ones with a known address and decimals. Others are not seen (said on the Yield page).
 */
export const REWARD_TOKENS: readonly RewardToken[] = [
  {
    symbol: 'WETH',
    address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
    decimals: 18,
    ethPar: true,
    source: 'bgd-labs/aave-address-book src/AaveV3Ethereum.sol WETH_UNDERLYING @f61c976',
  },
  {
    symbol: 'EIGEN',
    address: '0xec53bF9167f50cDEB3Ae105f56099aaaB9061F83',
    decimals: 18,
    ethPar: false,
    source: 'Layr-Labs/eigenlayer-contracts README.md "EIGEN/bEIGEN" table @f84a515; Eigen.sol is an OpenZeppelin ERC20 (18 decimals)',
  },
];
