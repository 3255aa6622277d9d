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
  /** Not a contract: the marker EigenLayer uses for beacon-chain ETH shares (same README). */
  beaconChainEthStrategy: '0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0',
} as const;

/** The beacon chain slashing factor is a WAD (1e18 = no slashing): IEigenPodManager docs. */
export const WAD = 10n ** 18n;
