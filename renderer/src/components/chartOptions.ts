/**
 * Options every lightweight-charts chart here shares, from the app's CSS theme variables.
 * The TradingView attribution logo is off because it injects a <style> element, which the
 * app's CSP (style-src 'self') blocks; the attribution the library's licence asks for is
 * shown as text under each chart instead (ChartAttribution).
 */
import { useEffect, useState } from 'react';
import type { DeepPartial, ChartOptions } from 'lightweight-charts';

export const themeColor = (name: string, fallback: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

export function baseChartOptions(extra: DeepPartial<ChartOptions> = {}): DeepPartial<ChartOptions> {
  return {
    autoSize: true,
    ...extra,
    layout: { background: { color: 'transparent' }, textColor: themeColor('--muted', '#888'), attributionLogo: false, panes: { separatorColor: themeColor('--border', '#333') }, ...extra.layout },
    grid: { vertLines: { visible: false }, horzLines: { color: 'rgba(128,128,128,0.15)' } },
  };
}

/** The theme applied to the document (useTheme sets data-theme); charts rebuild when it changes. */
export function useDocumentTheme(): string {
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? '');
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? ''));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}
