import type { YieldFigureDto } from '../../../../shared/ipc/yield-schemas';
import { formatPercent } from '../../format';

/** A measured yield, or "not measured" with the reason on hover and for screen readers. */
export function YieldFigure({ figure, signed = false, testId }: { figure: YieldFigureDto; signed?: boolean; testId?: string }) {
  if (figure.ok) return <span data-testid={testId}>{formatPercent(figure.value, signed)}</span>;
  return (
    <span className="muted" title={figure.reason} data-testid={testId}>
      not measured<span className="visually-hidden">: {figure.reason}</span>
    </span>
  );
}
