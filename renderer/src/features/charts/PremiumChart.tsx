import { useEffect, useRef } from 'react';
import { createChart, LineSeries, type UTCTimestamp } from 'lightweight-charts';
import type { PremiumSeries } from '../../../../shared/ipc/chart-schemas';
import { baseChartOptions, themeColor } from '../../components/chartOptions';
import { ChartAttribution } from '../../components/ChartAttribution';

/** An LRT's market price over NAV, in percent, at each stored refresh. */
export function PremiumChart({ series }: { series: PremiumSeries }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const chart = createChart(container.current, baseChartOptions({ localization: { priceFormatter: (value: number) => `${value.toFixed(2)} %` } }));
    const line = chart.addSeries(LineSeries, { color: themeColor('--accent', '#6c8cff'), lineWidth: 2 });
    line.setData(series.points.map((point) => ({ time: point.time as UTCTimestamp, value: point.premium * 100 })));
    line.createPriceLine({ price: 0, color: 'rgba(128,128,128,0.6)', lineWidth: 1, axisLabelVisible: false, title: 'NAV' });
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series]);
  return (
    <>
      <div ref={container} className="chart" data-testid="premium-chart" data-points={series.points.length} />
      <ChartAttribution />
    </>
  );
}
