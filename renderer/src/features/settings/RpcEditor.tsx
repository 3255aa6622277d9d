import { useState } from 'react';
import { NETWORKS, type NetworkId } from '../../../../shared/registry/networks';
import { useSettingsStore } from '../../stores/useSettingsStore';

/** One chain's RPC list: first line primary, the rest fallbacks in order. */
export function RpcEditor({ chain, urls, defaults, override }: { chain: NetworkId; urls: string[]; defaults: string[]; override?: string[] }) {
  const setRpc = useSettingsStore((state) => state.setRpc);
  const [text, setText] = useState(urls.join('\n'));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const id = `rpc-${chain}`;

  async function save(next: string[]) {
    const failure = await setRpc(chain, next);
    setMessage(failure ? { kind: 'error', text: failure.message } : { kind: 'ok', text: 'Saved.' });
    if (!failure) setText((next.length ? next : defaults).join('\n'));
  }

  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return (
    <div className="rpc-editor">
      <label htmlFor={id}><strong>{NETWORKS[chain].name}</strong> <span className="muted small">one URL per line; the first is used, the others are fallbacks</span></label>
      {override && (
        <p className="small warn-text" role="note">
          This run uses {override.join(', ')} (set with --rpc on the command line) instead of the list below.
        </p>
      )}
      <textarea id={id} rows={3} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
      <div className="actions">
        <button type="button" onClick={() => void save(lines)} disabled={lines.length === 0}>Save</button>
        <button type="button" onClick={() => void save([])}>Reset to defaults</button>
        {message && <span className={message.kind === 'ok' ? 'ok-text' : 'error-text'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</span>}
      </div>
    </div>
  );
}
