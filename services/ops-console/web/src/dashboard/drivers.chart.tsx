import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS, DRAGS, LIFTS } from './chart.colours';
import type { DriverRow } from './drivers.rows';
import { formatSigned } from './nps.format';

const ROW_HEIGHT = 32;

/** NPS impact per root cause as horizontal bars: red to the right drags NPS down, green to the left lifts it. */
export function DriversChart({ rows }: { rows: readonly DriverRow[] }) {
  const { t } = useTranslation('dashboard');
  const data = rows.filter((row) => row.impact !== null).map((row) => ({ tag: row.tag, impact: row.impact ?? 0 }));
  const label = t('drivers.chartLabel', {
    count: data.length,
    tag: data[0]?.tag ?? '',
    impact: data[0] ? formatSigned(data[0].impact) : '',
  });
  const height = Math.max(120, data.length * ROW_HEIGHT + 40);
  return (
    <div role="img" aria-label={label} data-testid="drivers-chart" style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#dee2e6" horizontal={false} />
          <XAxis type="number" stroke={AXIS} tick={{ fill: AXIS, fontSize: 12 }} allowDecimals={false} />
          <YAxis type="category" dataKey="tag" stroke={AXIS} tick={{ fill: AXIS, fontSize: 12 }} width={140} />
          <ReferenceLine x={0} stroke={AXIS} />
          <Bar dataKey="impact" isAnimationActive={false} className="driver-bars">
            {data.map((row) => (
              <Cell key={row.tag} fill={row.impact > 0 ? DRAGS : LIFTS} />
            ))}
            <LabelList
              dataKey="impact"
              position="right"
              fill={AXIS}
              fontSize={12}
              formatter={(value: unknown) => formatSigned(Number(value))}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
