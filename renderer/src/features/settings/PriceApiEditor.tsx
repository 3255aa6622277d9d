import { useState } from 'react';
import type { Settings } from '../../../../shared/ipc/schemas';
import { invoke } from '../../api';
import { useSettingsStore } from '../../stores/useSettingsStore';

/** The market price API (CoinGecko-compatible) used for tokens without an on-chain market feed. */
export function PriceApiEditor({ priceApi }: { priceApi: Settings['priceApi'] }) {
  const [url, setUrl] = useState(priceApi.base);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function save(next: string) {
    const result = await invoke('settings.setPriceApi', { url: next });
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message });
    useSettingsStore.setState({ settings: result.value });
    setUrl(result.value.priceApi.base);
    setMessage({ kind: 'ok', text: 'Saved.' });
  }

  return (
    <div className="rpc-editor">
      <label htmlFor="price-api"><strong>Market price API</strong> <span className="muted small">CoinGecko-compatible base URL</span></label>
      {priceApi.override && <p className="small warn-text" role="note">This run uses {priceApi.override} (set with --price-api).</p>}
      <input id="price-api" value={url} onChange={(event) => setUrl(event.target.value)} spellCheck={false} />
      <div className="actions">
        <button type="button" onClick={() => void save(url.trim())} disabled={url.trim() === ''}>Save</button>
        <button type="button" onClick={() => void save('')}>Reset to default</button>
        {message && <span className={message.kind === 'ok' ? 'ok-text' : 'error-text'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</span>}
      </div>
    </div>
  );
}
