/**
 * What the issuers of the registry's BTC liquid staking tokens (kind 'btc-lst' in
 * evm-tokens.json) say about staking the BTC behind them on Babylon, and with which
 * finality providers. Issuer-reported only: nothing here was read from Babylon or Bitcoin,
 * so it says what was claimed at the source's date, not where the stake is today.
 * Research, searches and open questions: docs/research/babylon-bitcoin.md
 * ("BTC LSTs and Babylon (issuer-reported)").
 */

export interface IssuerReportedFinalityProvider {
  name: string;
  /** 64-hex lower-case x-only key, when a source gives it */
  btcPk: string | null;
  source: string;
}

export interface IssuerReportedBabylonExposure {
  /** The evm-tokens.json symbol, e.g. 'LBTC'. */
  symbol: string;
  /** e.g. 'Lombard' */
  issuer: string;
  /** 'yes' documented as staked on Babylon; 'no' documented as not; 'not-documented' */
  stakedOnBabylon: 'yes' | 'no' | 'not-documented';
  finalityProviders: readonly IssuerReportedFinalityProvider[];
  /** What the issuer says, in our own words, one or two sentences. */
  statement: string;
  /** URL or repo path @ commit */
  source: string;
  /** The source's date (YYYY-MM-DD) or the commit date */
  sourceDate: string;
}

export const BTC_LST_BABYLON: readonly IssuerReportedBabylonExposure[] = [
  {
    // Also docs.lombard.finance/use/use-lbtc/understanding-yield (undated; mentions 2025-07-22):
    // Lombard stakes deposited BTC with finality providers on Babylon, sells the BABY rewards for
    // BTC and raises the LBTC/BTC rate. It names no provider there.
    symbol: 'LBTC',
    issuer: 'Lombard',
    stakedOnBabylon: 'yes',
    finalityProviders: [
      {
        name: 'Lombard',
        // The phase-1 key. The registry entry is Lombard's own (website lombard.finance,
        // security contact @lombard.finance); eots_pk is the key staking transactions commit to.
        btcPk: '609b4b8e27e214fd830e69a83a8270a03f7af356f64dde433a7e4b81b2399806',
        source:
          'Named by Lombard as its own FP: https://lombard.finance/blog/baby-babylon-genesis-and-bs-ns-babylon-s-3-phases-explained (2025-03-31); ' +
          'key: babylonlabs-io/networks bbn-1/finality-providers/registry/Lombard.json eots_pk @ 4ba9ad803a6bcfd1dd8c95390fe2f110613b98ad (2024-10-01, "Add Lombard Finality Provider (#354)")',
      },
    ],
    statement:
      'Lombard says LBTC is BTC it stakes on Babylon, and calls itself the largest finality provider of ' +
      'Babylon phase 1. This key is from phase 1 only: in April 2025 Lombard was reported to be moving the ' +
      'stake to a new set of finality providers, and no source we found names them.',
    source: 'https://lombard.finance/blog/baby-babylon-genesis-and-bs-ns-babylon-s-3-phases-explained',
    sourceDate: '2025-03-31',
  },
  {
    // Searched: Bedrock-Technology/uniBTC @ 236e9eab0c3d108c8bd5778fec24406ea922ea21 has no mention of
    // Babylon; docs/pages/issues corpora give no Bedrock page naming an FP. The phase-1 registry has
    // BSquared_x_Bedrock.json (eots_pk f0427621…8fda6a, @ 3d1508b74cdc4469a8964e3cc30b20dccf50b127),
    // submitted by BSquared; nothing ties it to uniBTC reserves, so it is not listed.
    symbol: 'uniBTC',
    issuer: 'Bedrock',
    stakedOnBabylon: 'not-documented',
    finalityProviders: [],
    statement:
      "A GitBook export of Bedrock's docs says deposits are meant to be staked on Babylon but calls the " +
      'mechanism still in development. We found no Bedrock statement that the BTC behind uniBTC is staked ' +
      'on Babylon, and none that names a finality provider.',
    source:
      'calvin-bedrock/test-gitbook multi-asset-liquid-staking/unibtc/introduction/btc-staking-mechanism.md @ 73011c46193891e2a15366506974877ca7890086',
    sourceDate: '2025-01-30',
  },
  {
    // Solv's Babylon LST is a separate token: SolvBTC.BBN ("SolvBTC Babylon",
    // deploy/SolvBTCYieldToken/20006_deploy_SolvBTC_BBN.js), on Ethereum 0xd9D920AA40f578ab794426F5C90F6C731D159DEf,
    // labelled both xSolvBTC and SolvBTC.BBN in the router config, with SolvBTC as its currency.
    // Solv registered a phase-1 FP, Solv-Protocol.json (eots_pk fa7496f6…f48bfb, @ 10d99d80e052f7bc3cbb2a715d6bbd4fee9cc704);
    // no source ties it to plain SolvBTC, so it is not listed. Third-party and conflicting: Chaos Labs
    // (community.venus.io/t/…/5038) says SolvBTC itself is not staked; hindenrank.com says part of it is.
    symbol: 'SolvBTC',
    issuer: 'Solv',
    stakedOnBabylon: 'not-documented',
    finalityProviders: [],
    statement:
      "Solv's Babylon product is a separate token, SolvBTC.BBN (now xSolvBTC), minted from SolvBTC; " +
      'we found no Solv statement that the BTC behind plain SolvBTC is staked on Babylon, and none naming a ' +
      'finality provider for it.',
    source:
      'solv-finance/SolvBTC deploy/10000_deploy_SolvBTCRouterV2.js (mainnet: SolvBTC 0x7A56…2F97 → xSolvBTC/SolvBTC.BBN 0xd9D9…6DEf) @ a002a0a95edfd05659534da0b1471cec5fe38d99',
    sourceDate: '2025-11-20',
  },
];

export function issuerReportedBabylon(symbol: string): IssuerReportedBabylonExposure | undefined {
  return BTC_LST_BABYLON.find((entry) => entry.symbol === symbol);
}
