import { formatRaw, formatUsdCents, shortAddress } from '../../format';

/** An ETH amount in wei with its USD value when there is one. */
export const ethWithUsd = (wei: string, cents: string | null) => `${formatRaw(wei, 18)} ETH${cents ? ` (${formatUsdCents(cents)})` : ''}`;

/** An AVS or operator address for display; the full address goes in the title. */
export const who = (address: string) => shortAddress(address);
