/** How Bitcoin balance rows are keyed (main and renderer): the address's BTC has no token address, a Babylon stake's BTC is 'babylon:<staking tx hash>'. */
export const babylonRowAddress = (stakingTxHash: string) => `babylon:${stakingTxHash}`;
export const isBabylonRow = (tokenAddress: string | null) => tokenAddress?.startsWith('babylon:') ?? false;
export const stakingTxHashOf = (tokenAddress: string) => tokenAddress.slice('babylon:'.length);
