/**
 * Audits and disclosures per protocol (issue 11, "Audits and disclosures"): audit reports,
 * documented incidents and dated regulatory notes, each with the link it was read from.
 * Nothing here is stated without a source: a date or scope the source does not give is said
 * to be missing, never filled in. Research, what was read and what could not be verified:
 * docs/research/audits.md.
 *
 * Links are either an https URL or a repository file at a commit, written
 * `owner/repo path @ <40-hex commit>`. Audit dates are the date printed on the report's cover
 * (or in the audit index that lists it) as precisely as that gives it; where the file name in
 * the repository carries another date, the scope says so.
 *
 * Protocol names are the ones the registries use (evm-tokens.json / solana-tokens.ts
 * `protocol`, e.g. 'Kelp', 'Rocket Pool'); EigenLayer is named after shared/registry/eigenlayer.ts.
 */

export interface AuditEntry {
  auditor: string;
  /** YYYY-MM or YYYY-MM-DD */
  date: string;
  scope: string;
  link: string;
  /** where it was found: repo path @ commit or URL */
  source: string;
}

export interface IncidentEntry {
  date: string;
  title: string;
  summary: string;
  link: string;
}

export interface DisclosureNote {
  date: string;
  text: string;
  link: string;
}

export interface ProtocolRiskRecord {
  /** the exact protocol name used in the registries */
  protocol: string;
  audits: readonly AuditEntry[];
  incidents: readonly IncidentEntry[];
  notes: readonly DisclosureNote[];
  /** YYYY-MM-DD the record was compiled */
  checked: string;
}

const CHECKED = '2026-12-01';

/** A file in a repository at a commit, in the registry's reference form. */
const at = (repo: string, commit: string) => (path: string) => `${repo} ${path} @ ${commit}`;

const eigenlayer = at('Layr-Labs/eigenlayer-contracts', 'f84a5151080cdf0b77b9b6e46506cde723d06c28');
const lido = at('lidofinance/audits', 'e6cb6baad35c260b925335cb667be46f4a057995');
const etherfi = at('etherfi-protocol/smart-contracts', 'b4a0968087b178bc346cdf6bee6c0597bf4c42c7');
const renzo = at('Renzo-Protocol/contracts-public', 'fc8c8e083852339fbddc7339287e54db77ff3959');
const puffer = at('PufferFinance/puffer-contracts', '380600060cd231fd8616ba167e674d4140486dbb');
const jitoRestaking = at('jito-foundation/restaking', '8109c879f43498e36920d1e4d0ddef80a190ee29');
const jitoStakenet = at('jito-foundation/stakenet', 'f452587f61235711cf434820a4d50a6d1f4ef058');
const sigp = at('sigp/public-audits', '817331cb5ab26d1363109696ba3500c788216847');

/** Audit reports kept in the protocol's own repository: link and source are the same file. */
const inRepo = (ref: (path: string) => string, path: string, entry: Omit<AuditEntry, 'link' | 'source'>): AuditEntry => ({
  ...entry,
  link: ref(path),
  source: ref(path),
});

/** Lido's audits repository: the report file, dated and scoped by its README.md section. */
const lidoAudit = (file: string, section: string, entry: Omit<AuditEntry, 'link' | 'source'>): AuditEntry => ({
  ...entry,
  link: lido(file),
  source: lido(`README.md, section "${section}"`),
});

/** Sigma Prime's public audits repository: the report, dated and scoped by its README.md table row. */
const sigmaPrime = (path: string, row: string, entry: Omit<AuditEntry, 'auditor' | 'link' | 'source'>): AuditEntry => ({
  auditor: 'Sigma Prime',
  ...entry,
  link: sigp(path),
  source: sigp(`README.md, table row "${row}"`),
});

export const PROTOCOL_RISK_RECORDS: readonly ProtocolRiskRecord[] = [
  {
    protocol: 'EigenLayer',
    audits: [
      inRepo(eigenlayer, 'audits/M1 Mainnet - Diligence - Mar 2023.pdf', {
        auditor: 'ConsenSys Diligence',
        date: '2023-03',
        scope: 'M1 mainnet contracts (a subset of the EigenLayer contracts, incl. StrategyBase) at commit 0aa1dc7b65f3a7a7b718d6c8bd847612cbf2ae08; review ran 2023-03-22 to 2023-04-11',
      }),
      inRepo(eigenlayer, 'audits/M1 Mainnet - Sigma Prime - May 2023.pdf', {
        auditor: 'Sigma Prime',
        date: '2023-05',
        scope: 'M1 mainnet: "Smart Contract Security Review #2" v2.1 of the EigenLayer repository at commit 2500148f, retest at 25f9cc9a, plus Code4rena mitigations in PRs #34 and #36',
      }),
      inRepo(eigenlayer, 'audits/M2 Mainnet - Sigma Prime - Feb 2024.pdf', {
        auditor: 'Sigma Prime',
        date: '2024-02',
        scope: 'M2 mainnet: "Smart Contract Security Review #3" v2.0 of eigenlayer-contracts at commit 2323207, retest at b6a3a91',
      }),
      inRepo(eigenlayer, 'audits/M2 Mainnet - Cantina - Apr 2024.pdf', {
        auditor: 'Cantina (competition)',
        date: '2024-04-05',
        scope: 'eigenlayer-contracts competition held Feb 27 to Mar 18 (M2 mainnet per the file name); the audited commit is not stated in the text read',
      }),
      inRepo(eigenlayer, 'audits/RewardsCoordinator - Sigma Prime - May 2024.pdf', {
        auditor: 'Sigma Prime',
        date: '2024-05',
        scope: 'PaymentCoordinator.sol at commit 3eec97d (later renamed RewardsCoordinator.sol at d8ac41a), plus the off-chain rewards calculation docs',
      }),
      inRepo(eigenlayer, 'audits/M4 Mainnet (PEPE) - Certora - Aug 2024.pdf', {
        auditor: 'Certora',
        date: '2024-07',
        scope: 'M4 "PEPE" (checkpoint proofs): pods/EigenPodManager.sol, pods/EigenPod.sol, libraries/BeaconChainProofs.sol; the cover says July 2024, the file name Aug 2024',
      }),
      inRepo(eigenlayer, 'audits/M4 Mainnet (PEPE) - Sigma Prime - Jul 2024 - Updated Aug 2025.pdf', {
        auditor: 'Sigma Prime',
        date: '2025-08',
        scope: 'Checkpoint proofs (PEPE) report v3.1: IEigenPod, IEigenPodManager, BeaconChainProofs and related files at commit d148952; the file name says first issued Jul 2024, updated Aug 2025',
      }),
      inRepo(eigenlayer, 'audits/V1.0.0 (Slashing) - Certora - Feb 2025.pdf', {
        auditor: 'Certora',
        date: '2025-01',
        scope: 'v1.0.0 slashing: AllocationManager, DelegationManager and further core contracts (security assessment and formal verification); the cover says Jan 2025, the file name Feb 2025',
      }),
      inRepo(eigenlayer, 'audits/V1.0.0 (Slashing) - Sigma Prime - Feb 2025.pdf', {
        auditor: 'Sigma Prime',
        date: '2025-02',
        scope: 'v1.0.0 slashing review v2.0: files at PR #679 of Layr-Labs/eigenlayer-contracts, fixes assessed at commit f7413d9',
      }),
      inRepo(eigenlayer, 'audits/V1.0.0 (Slashing) - Cantina  - March 2025.pdf', {
        auditor: 'Cantina (competition)',
        date: '2025-07-08',
        scope: 'eigenlayer-contracts competition held Mar 7 to Mar 28 (v1.0.0 slashing per the file name, which says March 2025; the report is dated July 8, 2025); commit not stated in the text read',
      }),
      inRepo(eigenlayer, 'audits/V1.6.0 (MOOCOW) - Certora - June 2025.pdf', {
        auditor: 'Certora',
        date: '2025-06',
        scope: 'v1.6.0 "MOOCOW": changes of eigenlayer-contracts PR #1425 to IEigenPod.sol, BeaconChainProofs.sol and EigenPod.sol, initial commit 48ba63b, fixes 8f83c9e',
      }),
    ],
    incidents: [
      {
        date: '2024-10-04',
        title: 'EIGEN tokens sent to an attacker after an investor email thread was hijacked',
        summary:
          'An attacker inside an email thread about moving an investor\'s EIGEN to a custodian swapped the destination address; 1,673,645 EIGEN were sent to the attacker and sold. Off-chain (social engineering): EigenLayer said no protocol or token contract was affected.',
        link: 'https://crypto-economy.com/eigenlayer-phishing-attack-5-7m-lost-as-hackers-target-investors-eigen-holdings',
      },
    ],
    notes: [],
    checked: CHECKED,
  },
  {
    protocol: 'Lido',
    audits: [
      lidoAudit('Sigma Prime - Lido Finance Security Assessment Report v2.1.pdf', '12-2020 Sigma Prime Security Assessment', {
        auditor: 'Sigma Prime',
        date: '2020-12',
        scope: 'Lido on Ethereum (lidofinance/lido-dao) at commit ad4b2f634850e46375bf5c8717abf0e49cdce3be',
      }),
      lidoAudit('QSP Lido Report 12-2020.pdf', '12-2020 Quantstamp Audit', {
        auditor: 'Quantstamp',
        date: '2020-12',
        scope: 'Lido on Ethereum (lidofinance/lido-dao) at commit ad4b2f634850e46375bf5c8717abf0e49cdce3be',
      }),
      lidoAudit('MixBytes wstETH Security Audit Report 09-2021.pdf', '09-2021 MixBytes wstETH Security Audit', {
        auditor: 'MixBytes',
        date: '2021-09',
        scope: 'wstETH (lidofinance/lido-dao) at commit ea6fa222004b88e6a24b566a51e5b56b0079272d',
      }),
      lidoAudit('MixBytes Lido_Protocol_Security_Audit_Report 05-2022.pdf', '05-2022 MixBytes Lido Protocol Security Audit Report', {
        auditor: 'MixBytes',
        date: '2022-05',
        scope: 'Lido protocol (lidofinance/lido-dao) at commit 08436ce13d67501fa723169c1dc69fe47b90cde4',
      }),
      lidoAudit('ChainSecurity Lido Staking Router audit report 02-23.pdf', '02-2023 ChainSecurity Lido Staking Router Audit Report', {
        auditor: 'ChainSecurity',
        date: '2023-02',
        scope: 'Staking Router (lidofinance/lido-dao) at commit d820fddb0b298088db2a4d76fbc6007fdada908d',
      }),
      lidoAudit('Hexens Lido V2 Smart Contract Audit Report 04-23.pdf', '04-2023 Hexens Lido V2 Smart Contract Audit', {
        auditor: 'Hexens',
        date: '2023-04',
        scope: 'Lido V2 (withdrawals) contracts, lidofinance/lido-dao at commit e45c4d6fb8120fd29426b8d969c19d8a798ca974',
      }),
      lidoAudit('Certora Lido V2 Audit Report 04-23.pdf', '04-2023 Certora Lido V2 Audit', {
        auditor: 'Certora',
        date: '2023-04',
        scope: 'Lido V2 contracts, lidofinance/lido-dao at commit e45c4d6fb8120fd29426b8d969c19d8a798ca974',
      }),
      lidoAudit('Statemind Lido V2 Audit Report 04-23.pdf', '04-2023 Statemind Lido V2 Audit', {
        auditor: 'Statemind',
        date: '2023-04',
        scope: 'Lido V2 contracts, lidofinance/lido-dao at commit e45c4d6fb8120fd29426b8d969c19d8a798ca974',
      }),
      lidoAudit('Consensys Diligence Lido V3 Security Audit - 11-2025.pdf', '12-2025 Consensys Diligence Lido V3 Security Audit', {
        auditor: 'Consensys Diligence',
        date: '2025-12',
        scope: 'Lido V3, lidofinance/core at commit 33f2f59156697aae93cdea2d0984de7be347e3af (README: report updated 01-2026 for BLS library changes; the file name says 11-2025)',
      }),
      lidoAudit('Certora Lido V3 Audit Report - 12-2025.pdf', '12-2025 Certora Lido V3 Security Audit', {
        auditor: 'Certora',
        date: '2025-12',
        scope: 'Lido V3, lidofinance/core at commit 33f2f59156697aae93cdea2d0984de7be347e3af (README: report updated 01-2026 for BLS library changes)',
      }),
      lidoAudit('MixBytes Lido V3 Security Audit Report - 12-2025.pdf', '12-2025 MixBytes Lido V3 Security Audit', {
        auditor: 'MixBytes',
        date: '2025-12',
        scope: 'Lido V3, lidofinance/core at commit 33f2f59156697aae93cdea2d0984de7be347e3af (README: report updated 01-2026 for BLS library changes)',
      }),
    ],
    incidents: [
      {
        date: '2025-05-10',
        title: 'One of nine Lido oracle keys (operated by Chorus One) compromised',
        summary:
          'A hot-wallet key created in 2021 that Chorus One used for Lido oracle reports was drained of 1.46 ETH; the oracle needs 5 of 9 members, and no user funds were affected. The DAO held an emergency vote to rotate the key in the Accounting Oracle, Validators Exit Bus Oracle and CS Fee Oracle.',
        link: 'https://tokenpost.com/news/technology/15398',
      },
    ],
    notes: [],
    checked: CHECKED,
  },
  {
    protocol: 'Rocket Pool',
    audits: [
      sigmaPrime('reports/rocket-pool/rocket-pool/review.pdf', 'Rocketpool | May 2021', {
        date: '2021-05',
        scope: 'Rocket Pool smart contracts, smart node and developer library: rocketpool 026cc6c, rocketpool-go fb20418, smartnode 0636339',
      }),
      sigmaPrime('reports/rocket-pool/rocket-pool-mainnet-vuln-review/review.pdf', 'Rocketpool | November 2021', {
        date: '2021-11',
        scope: 'Eth2 deposit mechanism: rocketpool 7716790 and b16ba59, rocketpool-go 7963684, smartnode 35e398b',
      }),
      sigmaPrime('reports/rocket-pool/rocket-pool-4-feedistributor-fix/review.pdf', 'Rocketpool | September 2022', {
        date: '2022-09',
        scope: 'Fee Distributor fix, rocketpool at b3cae4c',
      }),
      sigmaPrime('reports/rocket-pool/rocket-pool-5-lower-eth-bond/review.pdf', 'Rocketpool | December 2022 | Atlas', {
        date: '2022-12',
        scope: 'Atlas contract update: rocketpool f95d430, 93f794b and bea151d',
      }),
      sigmaPrime('reports/rocket-pool/rocket-pool-6-rpl-router/review.pdf', 'Rocketpool | December 2022 | Swap Router', {
        date: '2022-12',
        scope: 'Swap router (rocketpool-router, commit ending e14d3e)',
      }),
      sigmaPrime('reports/rocket-pool/rocket-pool-8-houston-pdao/review.pdf', 'Rocketpool | June 2024', {
        date: '2024-06',
        scope: 'Houston upgrade, rocketpool at f26996f',
      }),
      sigmaPrime('reports/rocket-pool/rocket-pool-10-houston-hotfix/review.pdf', 'Rocketpool | September 2024', {
        date: '2024-09',
        scope: 'Houston upgrade hotfixes, rocketpool at 6f07f2a',
      }),
    ],
    incidents: [],
    notes: [],
    checked: CHECKED,
  },
  {
    protocol: 'ether.fi',
    audits: [
      inRepo(etherfi, 'audits/2023.07.05 - Nethermind.pdf', {
        auditor: 'Nethermind',
        date: '2023-07-05',
        scope: 'NM-0093: the ether.fi staking protocol (2,894 lines of Solidity); the report lists several audited and re-audited commits',
      }),
      inRepo(etherfi, 'audits/2023.10.26 - Solidified.pdf', {
        auditor: 'Solidified',
        date: '2023-10-26',
        scope: "ether.fi's liquid staking contracts at commit 56c67eff7d313d389ff612c0f0b2c41ae60e9b7a, plus three additional reviewed commits",
      }),
      inRepo(etherfi, 'audits/2024.01.11 - Zellic.pdf', {
        auditor: 'Zellic',
        date: '2024-01-11',
        scope: "ether.fi code reviewed 2024-01-05 to 2024-01-09; front-end, infrastructure and key custody out of scope; the contract list was not read",
      }),
      inRepo(etherfi, 'audits/2024.03.13 - Zellic.pdf', {
        auditor: 'Zellic',
        date: '2024-03-13',
        scope: 'EtherFi code reviewed 2024-02-29 to 2024-03-11; front-end, infrastructure and key custody out of scope; the contract list was not read',
      }),
      inRepo(etherfi, 'audits/2024.04.08 - Decurity.pdf', {
        auditor: 'Decurity',
        date: '2024-04-08',
        scope: 'PRs including smart-contracts #28 (Liquifier integration with EigenLayer M2 and PancakeSwap), audited 2024-04-01 to 2024-04-08',
      }),
      inRepo(etherfi, 'audits/2024.10.08 - Certora - EtherFi draft.pdf', {
        auditor: 'Certora',
        date: '2024-09',
        scope: 'Draft report: src/* and lib/BucketLimiter.sol of etherfi-protocol/smart-contracts; the cover says September 2024, the file name 2024.10.08',
      }),
      inRepo(etherfi, 'audits/2025.03.26 - Certora - EtherFi - v2.49.pdf', {
        auditor: 'Certora',
        date: '2025-02',
        scope: 'v2.49: manual review of PR 230, done 2025-02-10 to 2025-02-14 (audit start 19503982, end 3e9f54ec, latest reviewed abc96405); the file name says 2025.03.26',
      }),
      inRepo(etherfi, 'audits/2025.04.12 - Certora - EigenLayer Slashing.pdf', {
        auditor: 'Certora',
        date: '2025-03',
        scope: 'EigenLayer slashing integration: EtherFiNode.sol, EtherFiNodesManager.sol, helpers/EtherFiViewer.sol and others; the cover says March 2025, the file name 2025.04.12',
      }),
      inRepo(etherfi, 'audits/2025.09.09 - Certora - EtherFi - Pectra Features Upgrade.pdf', {
        auditor: 'Certora',
        date: '2025-09-09',
        scope: 'Pectra features upgrade (exits, consolidation requests); final commit 89f0e17834003de24d6d49da70dd10bac26f40b6; the date is from the file name (the text read has no cover date)',
      }),
      inRepo(etherfi, 'audits/2026.01.29 - Certora - Reaudit Core Contracts.pdf', {
        auditor: 'Certora',
        date: '2026-01',
        scope: 'ETHFI core re-audit, "December 2025 - January 2026" (review 2025-12-10 to 2026-01-13 as the table reads), review commit 733b5f5; contract list starts with src/AssetRecovery.sol',
      }),
      inRepo(etherfi, 'audits/2026.06.28 - Certora - 26Q2 Security Upgrade.pdf', {
        auditor: 'Certora',
        date: '2026-06',
        scope: 'Security hardening upgrade, starting commit f169d868c6609682b7733a76fa…; final deployed contracts from 0x0f1e8d966c85bcd3b352d94da15fe2eae61f897c, identical to audited c8206ca3ba6ae2a93c00aff7ace38b50b93051ea (PR #420)',
      }),
    ],
    incidents: [
      {
        date: '2024-09-24',
        title: 'Attempted takeover of the ether.fi domain through its registrar',
        summary:
          "An attacker used the registrar's (Gandi) account recovery flow to try to take the ether.fi domain; the account was locked the same day. ether.fi said no compromised dapp was served and all funds were safe.",
        link: 'https://livebitcoinnews.com/ether-fi-defends-itself-against-a-domain-takeover-attempt-user-funds-remain-safe',
      },
    ],
    notes: [],
    checked: CHECKED,
  },
  {
    protocol: 'Renzo',
    audits: [
      inRepo(renzo, 'Audit/Halborn_Renzo_Protocol_EVM_Contracts_Smart_Contract_Security_Assessment.pdf', {
        auditor: 'Halborn',
        date: '2023-12-01',
        scope: 'Renzo-Protocol/Contracts at commit 04bb57a5d32fa2da93e2c2068522c78bcf776913: RestakeManager, EzEthToken, OperatorDelegator, RenzoOracle, RoleManager, DepositQueue (+ storage contracts); engagement 2023-11-13 to 2023-11-29, last revision (remediation review) 2023-12-01',
      }),
      {
        auditor: 'Code4rena (contest)',
        date: '2024-04',
        scope: 'Renzo contest report; the month is taken from the report slug "2024-04-renzo", scope not read',
        link: 'https://code4rena.com/reports/2024-04-renzo',
        source: renzo('Audit/code4rena_Audit.md'),
      },
      inRepo(renzo, 'Audit/Sigma_Prime_Renzo_Restaking_Security_Assessment_Report_v2_1.pdf', {
        auditor: 'Sigma Prime',
        date: '2024-06',
        scope: 'Restaking smart contract review v2.1 at commit bb1dc9e (retest 7dabe54): contracts/Bridge/Connext, Bridge/L1, Deposits/, Oracle/, Rewards/, token/',
      }),
      inRepo(renzo, 'Audit/NM0445-FINAL_RENZO.pdf', {
        auditor: 'Nethermind',
        date: '2025-04-14',
        scope: 'NM-0445: all core Renzo contracts (2,774 lines), focused on the EigenLayer slashing upgrade; start commit eaceb5f812c7ffb341c6e83b4bf28bc494380fa4, final f4d9610da5c88f3f328f249002c04a4c01dd9578',
      }),
      inRepo(renzo, 'Audit/NM0472-FINAL_RENZO_BRIDGE.pdf', {
        auditor: 'Nethermind',
        date: '2025-05-01',
        scope: 'NM-0472: L2 deposit (xezETH) bridge contracts, 896 lines; start commit c2bdea417781d772a0a50b6401783ce84d068e2e, final cfe7249d386ab916ab699be86da25db6cbc06aa3',
      }),
    ],
    incidents: [
      {
        date: '2024-04-24',
        title: 'ezETH depeg on DEXs after the REZ airdrop announcement',
        summary:
          'After Renzo published its REZ airdrop plan, holders sold ezETH into thin DEX liquidity while withdrawals were not available; ezETH briefly traded far below 1 ETH on DEXs (Bankless reports a low near 0.22 ETH) and leveraged ezETH positions were liquidated on lending protocols.',
        link: 'https://www.bankless.com/renzo-madness',
      },
    ],
    notes: [],
    checked: CHECKED,
  },
  {
    protocol: 'Kelp',
    audits: [
      {
        auditor: 'Code4rena (contest)',
        date: '2023-12-11',
        scope: 'Kelp DAO rsETH contest (LRTConfig, LRTDepositPool, NodeDelegator and related contracts), held 2023-11-10 to 2023-11-15; 2023-12-11 is the report date',
        link: 'https://raw.githubusercontent.com/code-423n4/2023-11-kelp-findings/main/report.md',
        source: 'https://raw.githubusercontent.com/code-423n4/2023-11-kelp-findings/main/report.md',
      },
      sigmaPrime('reports/kelp/lrt/review.pdf', 'Kelp | December 2023', {
        date: '2023-12',
        scope: 'Kelp liquid restaking token, commit 3b4e36c (private repository)',
      }),
      sigmaPrime('reports/kelp/lrt-withdrawals/review.pdf', 'Kelp | June 2024 | LRT-ETH Withdrawals', {
        date: '2024-06',
        scope: 'LRT-ETH withdrawals, stader-labs/LRT-ETH at ed6fa16',
      }),
      sigmaPrime('reports/kelp/lrt-updates/review.pdf', 'Kelp | June 2024 | LRT Smart Contract Updates', {
        date: '2024-06',
        scope: 'Kelp LRT smart contract updates, Kelp-DAO/KelpDAO-contracts at 7db0e43',
      }),
    ],
    incidents: [
      {
        date: '2026-04-18',
        title: 'rsETH released from the LayerZero bridge adapter on a forged cross-chain message',
        summary:
          'A forged packet on the Unichain to Ethereum LayerZero route, which had a single (1-of-1) verifier, released 116,500 rsETH from the Ethereum-side bridge adapter with no matching burn on the source chain; the attacker spread it over several addresses and supplied part of it as collateral on Aave V3.',
        link: 'https://merkle.press/posts/how-a-single-validator-bridge-flaw-released-116k-rseth',
      },
    ],
    notes: [],
    checked: CHECKED,
  },
  {
    protocol: 'Puffer',
    audits: [
      inRepo(puffer, 'audits/0xLuckyLuke-pufETH-v1.pdf', {
        auditor: '0xLuckyLuke',
        date: '2024-01-15',
        scope: 'pufETH v1 (initial audit report v0.1); the contract list was not read',
      }),
      inRepo(puffer, 'audits/SlowMist-pufETH-v1.pdf', {
        auditor: 'SlowMist',
        date: '2024-01',
        scope: 'pufETH v1: src/PufferDepositor.sol, src/PufferVault.sol and others at PufferFinance/pufETH 9a2a470bd276b850daf66b15463d0a9ad9b38a0f, fixed at c46d4f1de6e22b2b8ff33111a7852225aef443e6; 2024-01-24 is when the audit was requested, the issue date was not read',
      }),
      inRepo(puffer, 'audits/Quantstamp-pufETH-v1.pdf', {
        auditor: 'Quantstamp',
        date: '2024-02-07',
        scope: 'pufETH v1: PufferDepositor.sol, PufferVault.sol, Timelock.sol, DeployPuffETH.s.sol at PufferFinance/pufETH #6802ef7; timeline 2024-02-01 to 2024-02-07',
      }),
      inRepo(puffer, 'audits/ToB-2024-03-pufferfinance.pdf', {
        auditor: 'Trail of Bits',
        date: '2024-03-25',
        scope: 'Summary report on PufferPool ValidatorTicket and PufferOracle at 95eb5129f032d2bc60f6e068edc94e36dda8faf9; draft delivered 2024-03-05',
      }),
      inRepo(puffer, 'audits/NM0202-FINAL_PUFFER.pdf', {
        auditor: 'Nethermind',
        date: '2024-04-16',
        scope: 'NM-0202: Puffer contracts, 2,351 lines of which 2,016 PufferPool; initial PufferPool commit 0c60cef0141ef7d04ff8963e98d916ff8075fa2a',
      }),
      inRepo(puffer, 'audits/SlowMist - pufETHV2 & PufferProtocol.pdf', {
        auditor: 'SlowMist',
        date: '2024-04',
        scope: 'Phase 2 (pufETH v2 and PufferProtocol): PufferFinance/pufETH 5db7863db529e007a43bacd88aa7809332027fae and PufferPool 6055908dbd51462007fd71c94a32ae564f70f786; 2024-04-09 is when the audit was requested',
      }),
      inRepo(puffer, 'audits/BlockSec - pufETHV2 & PufferProtocol.pdf', {
        auditor: 'BlockSec',
        date: '2024-04-23',
        scope: 'pufETH and PufferPool (the repository also holds this report as BlockSec-pufETH-v1.pdf)',
      }),
      inRepo(puffer, 'mainnet-contracts/docs/audits/Creed_Puffer_Finance_Audit_May2024.pdf', {
        auditor: 'Creed',
        date: '2024-05-01',
        scope: 'Puffer Finance contracts; commits named in the report include 5db7863db529e007a43bacd88aa7809332027fae',
      }),
      inRepo(puffer, 'audits/BlockSec - 2-Step Withdrawals.pdf', {
        auditor: 'BlockSec',
        date: '2024-09-24',
        scope: 'mainnet-contracts/src/PufferWithdrawalManager.sol and its deploy script (2-step pufETH to WETH withdrawals)',
      }),
      inRepo(puffer, 'audits/Cantina-VaultV5.pdf', {
        auditor: 'Cantina',
        date: '2025-04-25',
        scope: 'Puffer contracts, vault V5 per the file name; scope not read',
      }),
      inRepo(puffer, 'audits/BlockSec - 1-Step Withdrawal Fee Rework.pdf', {
        auditor: 'BlockSec',
        date: '2025-07-25',
        scope: 'PufferVaultV5 1-step withdrawal with a treasury exit fee: changes after commit a1ef1b5',
      }),
    ],
    incidents: [],
    notes: [],
    checked: CHECKED,
  },
  {
    protocol: 'Jito',
    audits: [
      inRepo(jitoRestaking, 'security_audits/certora_jito_restaking_vault_audit_v1.pdf', {
        auditor: 'Certora',
        date: '2024-09',
        scope: 'Jito restaking and vault programs (restaking_program/, vault_core/ and further folders; the list is cut in the text read), security assessment and formal verification V1',
      }),
      inRepo(jitoRestaking, 'security_audits/ottersec_jito_restaking_audit.pdf', {
        auditor: 'OtterSec',
        date: '2024-10-25',
        scope: 'jito-foundation/restaking restaking program at commit f04242f; assessed 2024-09-20 to 2024-10-10',
      }),
      inRepo(jitoRestaking, 'security_audits/certora_jito_restaking_vault_audit_v2.pdf', {
        auditor: 'Certora',
        date: '2024-11',
        scope: 'Second report on the restaking and vault programs (same folder list as V1)',
      }),
      inRepo(jitoRestaking, 'security_audits/offside_jito_vault_audit.pdf', {
        auditor: 'Offside Labs',
        date: '2024-11',
        scope: 'Jito (re)staking vault program, master at 60b388421be855466c7bed191edbea8f449c8a88',
      }),
      inRepo(jitoStakenet, 'security-audits/jito_steward_audit.pdf', {
        auditor: 'OtterSec',
        date: '2024-10-28',
        scope: 'Steward program (JitoSOL stake delegation) of jito-foundation/stakenet at commit f4ea93a, assessed 2024-06-19 to 2024-07-29; the PDF carries a DRAFT watermark',
      }),
    ],
    incidents: [],
    notes: [],
    checked: CHECKED,
  },
  {
    protocol: 'Coinbase',
    audits: [],
    incidents: [],
    notes: [
      {
        date: '2023-06',
        text: "The SEC sued Coinbase, alleging that it operated as an unregistered securities exchange, broker and clearing agency; the case concerns Coinbase's platform and services, not the cbETH token as such.",
        link: 'https://aoshearman.com/en/insights/ao-shearman-on-fintech-and-digital-assets/sec-pivots-what-it-means-for-crypto',
      },
      {
        date: '2024-03-27',
        text: 'The court (Judge Failla) largely denied Coinbase\'s motion for judgment on the pleadings, finding that the SEC plausibly alleged that the staking program involves the unregistered offer and sale of securities; the claims about Coinbase Wallet were dismissed.',
        link: 'https://casetext.com/case/sec-exch-commn-v-coinbase-inc',
      },
      {
        date: '2025-02-27',
        text: 'The SEC and Coinbase filed a joint stipulation to dismiss the action with prejudice; the SEC said the dismissal was a policy decision, not an assessment of the merits.',
        link: 'https://skrypto.sewkis.com/sec-v-coinbase-sec-leaves-the-field',
      },
    ],
    checked: CHECKED,
  },
];

export function riskRecordOf(protocol: string): ProtocolRiskRecord | undefined {
  return PROTOCOL_RISK_RECORDS.find((record) => record.protocol === protocol);
}
