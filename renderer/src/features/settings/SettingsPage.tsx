import { NETWORK_IDS } from '../../../../shared/registry/networks';
import type { Theme } from '../../../../shared/ipc/schemas';
import { useSettingsStore } from '../../stores/useSettingsStore';
import { RpcEditor } from './RpcEditor';
import { PriceApiEditor } from './PriceApiEditor';
import { BackupPanel } from './BackupPanel';
import { invoke } from '../../api';
import type { CANDLE_SOURCES } from '../../../../shared/registry/markets';

const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'Follow system' },
  { value: 'dark', label: 'Dark' },
  { value: 'light', label: 'Light' },
];

export function SettingsPage() {
  const { settings, info, loadError, setTheme } = useSettingsStore();
  if (loadError) return <p className="error-text" role="alert">{loadError.message}</p>;
  if (!settings) return <p className="muted">Loading…</p>;
  return (
    <div className="page">
      <section className="card">
        <fieldset className="radio-group">
          <legend><h2>Theme</h2></legend>
          {THEMES.map((theme) => (
            <label key={theme.value} className="checkbox">
              <input type="radio" name="theme" value={theme.value} checked={settings.theme === theme.value} onChange={() => void setTheme(theme.value)} />
              {theme.label}
            </label>
          ))}
        </fieldset>
      </section>
      <section className="card" aria-labelledby="offline-title">
        <h2 id="offline-title">Network</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="offline-switch"
            checked={settings.offline.enabled}
            onChange={(event) => void useSettingsStore.getState().setOffline(event.target.checked)}
          />{' '}
          Offline mode: make no network request at all (refresh, candles, names and ENS are refused); every page shows the stored data
        </label>
      </section>
      <BackupPanel />
      <section className="card" aria-labelledby="rpc-title">
        <h2 id="rpc-title">RPC endpoints</h2>
        <p className="muted">Public defaults work out of the box; your own node or provider is faster and more private. Bitcoin takes Esplora REST API bases (e.g. https://mempool.space/api).</p>
        {NETWORK_IDS.map((chain) => (
          <RpcEditor key={chain} chain={chain} urls={settings.rpc[chain] ?? []} defaults={settings.rpcDefaults[chain] ?? []} override={settings.rpcOverrides[chain]} />
        ))}
        <PriceApiEditor priceApi={settings.priceApi} />
        <label className="inline-field">
          Chart candles from
          <select value={settings.candleSource} onChange={(event) => void invoke('settings.setCandleSource', { source: event.target.value as (typeof CANDLE_SOURCES)[number] })}>
            <option value="binance">Binance (klines, USD as USDT)</option>
            <option value="kraken">Kraken (OHLC, last 720 candles)</option>
          </select>
        </label>
      </section>
      <section className="card" aria-labelledby="logs-title">
        <h2 id="logs-title">Logs</h2>
        <p className="muted">The app writes a log to the logs folder inside the data folder (attach slashboard.log to a bug report). RPC URLs are cut to their host and tokens are never written.</p>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="log-full-addresses"
            checked={settings.logFullAddresses}
            onChange={(event) => void invoke('settings.setLogFullAddresses', { enabled: event.target.checked }).then((result) => result.ok && useSettingsStore.setState({ settings: result.value }))}
          />{' '}
          Write full wallet addresses in the log (otherwise shortened to their first 6 and last 4 characters)
        </label>
      </section>
      {info && (
        <section className="card">
          <h2>About</h2>
          <dl className="facts">
            <dt>Version</dt><dd>{info.version}</dd>
            <dt>Mode</dt><dd>{info.mode === 'electron' ? 'Desktop app' : 'Browser mode (local server)'}</dd>
            <dt>Data folder</dt><dd className="mono">{info.dataDir}</dd>
            <dt>Database schema</dt><dd>{info.schemaVersion}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
