import type { StakeAccountDto, Wallet } from '../../../../shared/ipc/schemas';
import { exactRaw, formatRaw, shortAddress } from '../../format';

/** The stake program's "no epoch yet" marker (u64::MAX): never activated or never deactivating. */
const NEVER = '18446744073709551615';
const SOL_DECIMALS = 9;

const sol = (raw: string | null) => (raw === null ? '—' : `${formatRaw(raw, SOL_DECIMALS)} SOL`);
const solExact = (raw: string | null) => (raw === null ? undefined : `${exactRaw(raw, SOL_DECIMALS)} SOL`);
const epochOf = (epoch: string | null) => (epoch === null || epoch === NEVER ? '—' : epoch);

/** Native Solana stake accounts of the wallets (as staker or withdrawer), at the latest Solana snapshot. */
export function SolanaStakeRows({ accounts, wallets }: { accounts: StakeAccountDto[]; wallets: Wallet[] }) {
  if (accounts.length === 0) return null;
  const walletName = (id: number) => {
    const wallet = wallets.find((item) => item.id === id);
    return wallet ? (wallet.label ?? shortAddress(wallet.address)) : `wallet ${id}`;
  };
  return (
    <section className="card stake-accounts" aria-labelledby="stake-accounts-title" data-testid="stake-accounts">
      <h2 id="stake-accounts-title">Solana stake accounts</h2>
      <table className="table">
        <thead>
          <tr>
            <th>Wallet</th><th>Account</th><th>State</th><th className="num">Delegated</th><th className="num">Balance</th>
            <th>Validator (vote account)</th><th className="num">Activation epoch</th><th className="num">Deactivation epoch</th><th className="num">State at epoch</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={`${account.walletId}-${account.pubkey}`} data-testid={`stake-${account.pubkey}`}>
              <td title={wallets.find((item) => item.id === account.walletId)?.address}>{walletName(account.walletId)}</td>
              <td className="mono" title={`${account.pubkey}\nstaker ${account.staker}\nwithdrawer ${account.withdrawer}`}>{shortAddress(account.pubkey)}</td>
              <td data-testid="stake-state">{account.state}</td>
              <td className="num mono" title={solExact(account.delegatedStake)}>{sol(account.delegatedStake)}</td>
              <td className="num mono" title={solExact(account.lamports)}>{sol(account.lamports)}</td>
              <td className="mono" title={account.voter ?? undefined}>{account.voter ? shortAddress(account.voter) : '—'}</td>
              <td className="num mono">{epochOf(account.activationEpoch)}</td>
              <td className="num mono">{epochOf(account.deactivationEpoch)}</td>
              <td className="num mono muted">{account.epoch}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Balance includes the rent-exempt reserve. Delegated stake is the amount delegated; how much of it is effective while activating or deactivating is not read.</p>
    </section>
  );
}
