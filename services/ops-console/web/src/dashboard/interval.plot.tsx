import { AXIS, LINE } from './chart.colours';

const WIDTH = 140;
const HEIGHT = 16;
const x = (nps: number) => ((Math.max(-100, Math.min(100, nps)) + 100) / 200) * WIDTH;

/**
 * A row's NPS and 95% interval on −100…100, drawn inside its table row (a forest plot). Decorative:
 * the same row states the figures in words.
 */
export function IntervalPlot({
  nps,
  interval95,
  lowSample,
}: {
  nps: number;
  interval95: readonly number[];
  lowSample: boolean;
}) {
  return (
    <svg width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false" className="interval-plot">
      <line x1={x(0)} y1={0} x2={x(0)} y2={HEIGHT} stroke={AXIS} strokeDasharray="2 2" />
      <line x1={x(interval95[0])} y1={HEIGHT / 2} x2={x(interval95[1])} y2={HEIGHT / 2} stroke={LINE} strokeWidth={3} />
      <circle cx={x(nps)} cy={HEIGHT / 2} r={4} fill={lowSample ? '#ffffff' : LINE} stroke={LINE} strokeWidth={2} />
    </svg>
  );
}
