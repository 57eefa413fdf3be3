import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS, BAND_EDGE, BAND_FILL, LINE } from './chart.colours';
import type { Interval } from './dashboard.types';
import { formatInterval, formatNpsWithMargin } from './nps.format';
import { npsDomain, npsTicks, type TrendPoint } from './nps.series';

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: TrendPoint;
}

/** A period's point: filled, or hollow when it stands on fewer answers than the low-sample rule asks. */
function PeriodDot({ cx, cy, index, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const hollow = payload.lowSample;
  return (
    <circle
      key={index}
      cx={cx}
      cy={cy}
      r={hollow ? 5 : 4}
      fill={hollow ? '#ffffff' : LINE}
      stroke={LINE}
      strokeWidth={2}
      className={hollow ? 'nps-point nps-point--low-sample' : 'nps-point'}
    />
  );
}

function PeriodTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: TrendPoint }[] }) {
  const { t } = useTranslation('dashboard');
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div style={{ background: 'white', border: `1px solid ${AXIS}`, padding: '4px 8px', fontSize: 13 }}>
      <strong>{point.label}</strong>
      <div>
        {t('trend.tooltip', {
          nps: formatNpsWithMargin(point.nps, point.marginOfError95),
          interval: formatInterval(point.band),
          n: point.n,
        })}
      </div>
      {point.lowSample && <div>{t('lowSample.mark')}</div>}
    </div>
  );
}

/** The legend in words and shapes, so the band and the hollow points do not rest on colour alone. */
function TrendLegend({ lowSampleBelow }: { lowSampleBelow: number }) {
  const { t } = useTranslation('dashboard');
  const swatch = (shape: React.ReactNode) => (
    <svg width="22" height="14" aria-hidden="true" focusable="false">
      {shape}
    </svg>
  );
  return (
    <Group gap="md" wrap="wrap" data-testid="trend-legend">
      <Group gap={4} wrap="nowrap">
        {swatch(
          <>
            <line x1="0" y1="7" x2="22" y2="7" stroke={LINE} strokeWidth="2" />
            <circle cx="11" cy="7" r="4" fill={LINE} />
          </>,
        )}
        <Text size="sm">{t('trend.legendNps')}</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        {swatch(<rect x="1" y="1" width="20" height="12" fill={BAND_FILL} stroke={BAND_EDGE} strokeDasharray="3 2" />)}
        <Text size="sm">{t('trend.legendBand')}</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        {swatch(<circle cx="11" cy="7" r="5" fill="#ffffff" stroke={LINE} strokeWidth="2" />)}
        <Text size="sm">{t('lowSample.legend', { below: lowSampleBelow })}</Text>
      </Group>
    </Group>
  );
}

/** NPS per period as a line, its 95% interval as a band, low-sample periods as hollow points. */
export function NpsTrendChart({
  points,
  interval,
  lowSampleBelow,
}: {
  points: readonly TrendPoint[];
  interval: Interval;
  lowSampleBelow: number;
}) {
  const { t } = useTranslation('dashboard');
  const domain = npsDomain(points);
  const label = t('trend.chartLabel', {
    interval,
    count: points.length,
    first: points[0]?.label ?? '',
    last: points[points.length - 1]?.label ?? '',
  });
  return (
    <>
      <div role="img" aria-label={label} data-testid="trend-chart" style={{ width: '100%', height: 300 }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
          <ComposedChart data={points as TrendPoint[]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="#dee2e6" vertical={false} />
            <XAxis dataKey="label" stroke={AXIS} tick={{ fill: AXIS, fontSize: 12 }} minTickGap={16} />
            <YAxis
              domain={domain}
              ticks={npsTicks(domain)}
              stroke={AXIS}
              tick={{ fill: AXIS, fontSize: 12 }}
              width={44}
              allowDecimals={false}
            />
            <ReferenceLine y={0} stroke={AXIS} />
            <Area
              dataKey="band"
              name={t('trend.legendBand')}
              type="linear"
              fill={BAND_FILL}
              fillOpacity={0.6}
              stroke={BAND_EDGE}
              strokeDasharray="4 3"
              isAnimationActive={false}
              className="nps-band"
              activeDot={false}
            />
            <Line
              dataKey="nps"
              name={t('trend.legendNps')}
              type="linear"
              stroke={LINE}
              strokeWidth={2}
              dot={(props: DotProps) => <PeriodDot {...props} key={props.index} />}
              isAnimationActive={false}
              className="nps-line"
            />
            <Tooltip content={PeriodTooltip} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <TrendLegend lowSampleBelow={lowSampleBelow} />
    </>
  );
}
