/**
 * The id of a token position in the exposure and risk reports ('token:<wallet>:<chain>:<token
 * address, lower case>'), shared by main and the renderer so a Portfolio row finds its risk
 * summary. Native EigenLayer positions are 'el:<wallet>:<strategy>' (exposure.service.ts),
 * Babylon stakes 'babylon:<staking tx>' (bitcoin/row-keys.ts).
 */
export const tokenPositionId = (position: { walletId: number; chain: string; tokenAddress: string | null }) =>
  `token:${position.walletId}:${position.chain}:${(position.tokenAddress ?? '').toLowerCase()}`;
