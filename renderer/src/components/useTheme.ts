import { useEffect } from 'react';
import { useSettingsStore } from '../stores/useSettingsStore';

/** Applies the chosen theme; "system" follows the OS and its changes. */
export function useTheme(): void {
  const theme = useSettingsStore((state) => state.settings?.theme ?? 'system');
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: light)');
    const apply = () => {
      const resolved = theme === 'system' ? (query.matches ? 'light' : 'dark') : theme;
      document.documentElement.dataset.theme = resolved;
    };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}
