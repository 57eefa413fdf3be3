import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseListItem } from '../cases/case.types';
import { breachRisk } from './breach-risk';
import { isTypingTarget, nextRow } from './queue-keys';
import { TimeLeftLabel } from './sla-badge';
import { formatInstant, viewerTimeZone } from './time-left';

/** The deadline a listed case runs against now, and when that clock started. */
export function nextDeadline(c: CaseListItem): { dueAt: string; startedAt: string; stopped: boolean } {
  const stopped = c.status === 'resolved' || c.status === 'closed';
  // The service picks the deadline (first contact until the customer was reached, then resolution); both clocks
  // run from the opening of the case.
  return { dueAt: c.nextDueAt, startedAt: c.openedAt, stopped };
}

/**
 * The cases as a table: one link per row (Tab reaches each), j/k or the arrows move between rows,
 * Enter opens the focused case.
 */
export function QueueTable({ cases, now, fresh }: { cases: CaseListItem[]; now: number; fresh: ReadonlySet<string> }) {
  const { t } = useTranslation('queues');
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const [selected, setSelected] = useState(-1);
  const zone = viewerTimeZone();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      const current = links.current.findIndex((link) => link === document.activeElement);
      const next = nextRow(event.key, current >= 0 ? current : selected, cases.length);
      if (next === null) return;
      // Arrows scroll the page unless focus is already in the table.
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && current < 0) return;
      event.preventDefault();
      setSelected(next);
      links.current[next]?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [cases.length, selected]);

  return (
    <Table.ScrollContainer minWidth={520}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="queue-table">
        <Table.Caption>{t('table.caption', { zone })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.case')}</Table.Th>
            <Table.Th scope="col">{t('table.score')}</Table.Th>
            <Table.Th scope="col">{t('table.priority')}</Table.Th>
            <Table.Th scope="col">{t('table.status')}</Table.Th>
            <Table.Th scope="col">{t('table.deadline')}</Table.Th>
            <Table.Th scope="col">{t('table.owner')}</Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              {t('table.team')}
            </Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              {t('table.segment')}
            </Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              {t('table.tags')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c, index) => {
            const { dueAt, startedAt, stopped } = nextDeadline(c);
            const risk = breachRisk(dueAt, startedAt, now, stopped);
            return (
              <Table.Tr
                key={c.id}
                data-case-id={c.id}
                data-risk={risk}
                bg={index === selected ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={`/cases/${c.id}`}
                      ref={(element: HTMLAnchorElement | null) => {
                        links.current[index] = element;
                      }}
                      onFocus={() => setSelected(index)}
                      fw={500}
                    >
                      {t('table.caseLink', { customer: c.customerId })}
                    </Anchor>
                    {fresh.has(c.id) && (
                      <Badge size="xs" color="blue.9" variant="filled" style={{ flex: 'none' }}>
                        {t('table.new')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" lineClamp={1} maw={260}>
                    {c.comment}
                  </Text>
                </Table.Td>
                <Table.Td>{c.score}</Table.Td>
                <Table.Td>{t(`priority.${c.priority}`)}</Table.Td>
                <Table.Td>{t(`status.${c.status}`)}</Table.Td>
                <Table.Td>
                  <TimeLeftLabel dueAt={dueAt} now={now} risk={risk} />
                  {!stopped && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {t(c.firstContactedAt ? 'table.resolutionBy' : 'table.firstContactBy', {
                        at: formatInstant(dueAt, zone),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{c.ownerId ?? t('filters.unassigned')}</Table.Td>
                <Table.Td visibleFrom="lg">{c.teamId}</Table.Td>
                <Table.Td visibleFrom="lg">{c.segment || '—'}</Table.Td>
                <Table.Td visibleFrom="lg">{c.tagIds.join(', ') || '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
