import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { browserLocale } from '../queues/time-left';
import type { StoryScore } from './case.types';

/** Every answer's score over time, small; the same numbers follow as a list for screen readers. */
export function ScoreChart({ scores }: { scores: StoryScore[] }) {
  const { t } = useTranslation('cases');
  const date = new Intl.DateTimeFormat(browserLocale(), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const points = scores
    .filter((s) => s.answeredAt)
    .map((s) => ({ at: date.format(new Date(s.answeredAt as string)), score: s.score }));
  if (points.length === 0) return <Text size="sm">{t('story.noScores')}</Text>;
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ width: '100%', height: 160 }} role="img" aria-label={t('story.scoresChart')}>
        <ResponsiveContainer>
          <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, bottom: 0, left: -20 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="at" fontSize={12} />
            <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} fontSize={12} />
            <Tooltip />
            <Line
              type="monotone"
              dataKey="score"
              stroke="#1864ab"
              strokeWidth={2}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <Text size="sm">{t('story.scoresCaption', { list: points.map((p) => `${p.at}: ${p.score}`).join(', ') })}</Text>
      </figcaption>
    </figure>
  );
}
