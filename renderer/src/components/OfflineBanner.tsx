import { useEffect, useState } from 'react';
import { formatAge, formatDateTime } from '../format';
import { useSettingsStore } from '../stores/useSettingsStore';
import { usePortfolioStore } from '../stores/usePortfolioStore';

/** The browser's own view of the connection (navigator.onLine), kept current. */
function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * Says when the app is working from stored data only: offline mode on, or the connection
 * looks down (the browser says so, or the last refresh reached no network), with how old
 * the stored data is.
 */
export function OfflineBanner() {
  const offline = useSettingsStore((state) => state.settings?.offline);
  const portfolio = usePortfolioStore((state) => state.portfolio);
  const browserOnline = useBrowserOnline();
  if (!offline) return null;
  const fetched = (portfolio?.chains ?? []).flatMap((chain) => (chain.snapshot ? [chain.snapshot.fetchedAt] : []));
  const age = fetched.length ? `Stored data from ${formatDateTime(Math.min(...fetched))} to ${formatDateTime(Math.max(...fetched))} (newest ${formatAge(Math.max(...fetched))}).` : 'Nothing stored yet.';
  const setOffline = (enabled: boolean) => void useSettingsStore.getState().setOffline(enabled);

  if (offline.enabled) {
    return (
      <div className="banner banner-offline" role="status" data-testid="offline-banner">
        <strong>Offline mode</strong>: no network request is made; every page shows the stored data. {age}{' '}
        <button type="button" className="link-button" onClick={() => setOffline(false)}>Go online</button>
      </div>
    );
  }
  if (!browserOnline || offline.detected) {
    const why = !browserOnline ? 'This computer reports no network connection.' : `The last refresh (${formatDateTime(offline.detected!.at)}) reached no network: ${offline.detected!.detail}`;
    return (
      <div className="banner banner-offline" role="status" data-testid="offline-detected">
        <strong>You seem to be offline.</strong> {why} {age}{' '}
        <button type="button" className="link-button" onClick={() => setOffline(true)}>Work offline</button>
      </div>
    );
  }
  return null;
}
