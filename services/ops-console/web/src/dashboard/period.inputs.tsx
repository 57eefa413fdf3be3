import { Group, TextInput } from '@mantine/core';
import { isDay } from './dashboard.filters';

type Period = { from: string; to: string };

/**
 * A period as two native date fields (keyboard-friendly, labelled). A change is taken once both
 * days are real and in order; until then the field shows what was typed and the page keeps its figures.
 */
export function PeriodInputs({
  period,
  onChange,
  fromLabel,
  toLabel,
  testId,
}: {
  period: Period;
  onChange: (period: Period) => void;
  fromLabel: string;
  toLabel: string;
  testId?: string;
}) {
  const take = (next: Period) => {
    if (isDay(next.from) && isDay(next.to) && next.from <= next.to) onChange(next);
  };
  return (
    <Group gap="sm" wrap="wrap" data-testid={testId}>
      <TextInput
        type="date"
        label={fromLabel}
        defaultValue={period.from}
        key={`from-${period.from}`}
        max={period.to}
        onChange={(event) => take({ ...period, from: event.currentTarget.value })}
        size="sm"
      />
      <TextInput
        type="date"
        label={toLabel}
        defaultValue={period.to}
        key={`to-${period.to}`}
        min={period.from}
        onChange={(event) => take({ ...period, to: event.currentTarget.value })}
        size="sm"
      />
    </Group>
  );
}
