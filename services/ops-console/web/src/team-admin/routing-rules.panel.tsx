import { Badge, Button, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import { RulePreviewForm } from './rule-preview.form';
import { conditionsSummary, draftOf, EMPTY_LISTS, type RuleDraftForm } from './team-admin.format';
import type { RoutingRule, Team } from './team-admin.types';

/** The routing rules in the order they are tried, and "try this rule" on any of them or a new draft. */
export function RoutingRulesPanel({ teams }: { teams: Team[] }) {
  const { t } = useTranslation('teamAdmin');
  const api = useApi();
  const rules = useQuery({
    queryKey: ['routing-rules'],
    queryFn: () => api.get<RoutingRule[]>('case-management', '/routing-rules'),
  });
  const ordered = [...(rules.data ?? [])].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const last = ordered.at(-1)?.position ?? 0;
  const [draft, setDraft] = useState<RuleDraftForm>(() => ({
    id: '',
    position: last + 10,
    teamId: teams[0]?.id ?? '',
    lists: { ...EMPTY_LISTS },
    minScore: '',
    maxScore: '',
  }));
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" component="section" aria-labelledby="rules-title">
        <Title order={3} size="h4" id="rules-title" mb="xs">
          {t('rules.title')}
        </Title>
        {ordered.length === 0 && <Text size="sm">{t('rules.none')}</Text>}
        {ordered.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} data-testid="routing-rules">
              <Table.Caption>{t('rules.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('rules.position')}</Table.Th>
                  <Table.Th scope="col">{t('rules.id')}</Table.Th>
                  <Table.Th scope="col">{t('rules.team')}</Table.Th>
                  <Table.Th scope="col">{t('rules.conditions')}</Table.Th>
                  <Table.Th scope="col">{t('rules.state')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('rules.try')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ordered.map((rule) => (
                  <Table.Tr key={rule.id}>
                    <Table.Td>{rule.position}</Table.Td>
                    <Table.Th scope="row">{rule.id}</Table.Th>
                    <Table.Td>{rule.teamId}</Table.Td>
                    <Table.Td>{conditionsSummary(rule.conditions).join('; ') || t('rules.everything')}</Table.Td>
                    <Table.Td>
                      <Badge variant={rule.enabled ? 'filled' : 'default'} color="dark">
                        {rule.enabled ? t('rules.enabled') : t('rules.disabled')}
                      </Badge>
                      {rule.priority && <Text size="xs">{t('rules.priority', { priority: rule.priority })}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setDraft(draftOf(rule))}
                        aria-label={t('rules.tryRule', { id: rule.id })}
                      >
                        {t('rules.try')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <RulePreviewForm teams={teams} draft={draft} onChange={setDraft} />
    </Stack>
  );
}
