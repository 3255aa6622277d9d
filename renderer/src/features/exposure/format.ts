import { formatRaw, formatUsdCents, shortAddress } from '../../format';

/** An ETH amount in wei with its USD value when there is one. */
export const ethWithUsd = (wei: string, cents: string | null) => `${formatRaw(wei, 18)} ETH${cents ? ` (${formatUsdCents(cents)})` : ''}`;

/** An AVS or operator for display: its published name when looked up, else the short address. */
export const who = (address: string, names?: ReadonlyMap<string, string>) => names?.get(address.toLowerCase()) ?? shortAddress(address);
