import { useEffect, useState } from 'react';
import { invoke, onEvent } from './api';
import { RecoveryScreen } from './features/recovery/RecoveryScreen';
import type { RecoveryStatus } from '../../shared/ipc/backup-schemas';
import { useSettingsStore } from './stores/useSettingsStore';
import { usePortfolioStore } from './stores/usePortfolioStore';
import { useWalletsStore } from './stores/useWalletsStore';
import { WalletsPage } from './features/wallets/WalletsPage';
import { PortfolioPage } from './features/portfolio/PortfolioPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { YieldPage } from './features/yield/YieldPage';
import { ExposurePage } from './features/exposure/ExposurePage';
import { RiskPage } from './features/risk/RiskPage';
import { ChartsPage } from './features/charts/ChartsPage';
import { HistoryPage } from './features/history/HistoryPage';
import { useExposureStore } from './stores/useExposureStore';
import { useRiskStore } from './stores/useRiskStore';
import { useYieldStore } from './stores/useYieldStore';
import { RefreshBar } from './components/RefreshBar';
import { OfflineBanner } from './components/OfflineBanner';
import { useTheme } from './components/useTheme';

const PAGES = [
  { id: 'portfolio', title: 'Portfolio', Component: PortfolioPage },
  { id: 'yield', title: 'Yield', Component: YieldPage },
  { id: 'exposure', title: 'Exposure', Component: ExposurePage },
  { id: 'risk', title: 'Risk', Component: RiskPage },
  { id: 'charts', title: 'Charts', Component: ChartsPage },
  { id: 'history', title: 'History', Component: HistoryPage },
  { id: 'wallets', title: 'Wallets', Component: WalletsPage },
  { id: 'settings', title: 'Settings', Component: SettingsPage },
] as const;
type PageId = (typeof PAGES)[number]['id'];

const pageFromHash = (): PageId => {
  const id = window.location.hash.replace('#/', '');
  return PAGES.some((page) => page.id === id) ? (id as PageId) : 'portfolio';
};

function MainApp() {
  const [page, setPage] = useState<PageId>(pageFromHash);
  useTheme();

  useEffect(() => {
    void useWalletsStore.getState().load();
    void usePortfolioStore.getState().load();
    void useSettingsStore.getState().load();
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    const unsubscribe = onEvent((event) => {
      if (event.name === 'refresh.progress') usePortfolioStore.getState().onProgress(event.payload);
      if (event.name === 'data.changed') {
        const { what } = event.payload;
        if (what === 'wallets') void useWalletsStore.getState().load();
        if (what === 'wallets' || what === 'portfolio') void usePortfolioStore.getState().load();
        if (what === 'settings') void useSettingsStore.getState().load();
        if (useYieldStore.getState().report) void useYieldStore.getState().load();
        if (useExposureStore.getState().report) void useExposureStore.getState().load();
        if (useRiskStore.getState().report) void useRiskStore.getState().load();
      }
    });
    return () => {
      window.removeEventListener('hashchange', onHash);
      unsubscribe();
    };
  }, []);

  const current = PAGES.find((entry) => entry.id === page)!;
  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">◆</span> Slashboard
        </div>
        {PAGES.map((entry) => (
          <a
            key={entry.id}
            href={`#/${entry.id}`}
            className={entry.id === page ? 'nav-link active' : 'nav-link'}
            aria-current={entry.id === page ? 'page' : undefined}
          >
            {entry.title}
          </a>
        ))}
        <p className="sidebar-note">Watch-only. No keys, no signing.</p>
      </nav>
      <main className="content">
        <header className="topbar">
          <h1>{current.title}</h1>
          <RefreshBar />
        </header>
        <OfflineBanner />
        <current.Component />
      </main>
    </div>
  );
}

/** The app, unless the database could not be opened: then the recovery screen and nothing else. */
export function App() {
  const [recovery, setRecovery] = useState<RecoveryStatus | null | undefined>(undefined);
  useEffect(() => {
    void invoke('recovery.status').then((result) => setRecovery(result.ok && result.value.active ? result.value : null));
  }, []);
  if (recovery === undefined) return null;
  if (recovery) return <RecoveryScreen status={recovery} onRestored={() => window.location.reload()} />;
  return <MainApp />;
}
