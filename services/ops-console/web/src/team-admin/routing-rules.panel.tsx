import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import type { ApiError } from '../api/api.error';
import { usePrincipal } from '../auth/principal';
import { FormError } from './form-error';
import { RulePreviewForm } from './rule-preview.form';
import { conditionsSummary, draftOf, EMPTY_LISTS, managesTeam, type RuleDraftForm } from './team-admin.format';
import type { RoutingRule, Team } from './team-admin.types';

/** Where "move up/down" puts a rule: the neighbour's position, or one before/after it when they are tied. */
function movedPosition(rule: RoutingRule, neighbour: RoutingRule, direction: -1 | 1): number {
  if (neighbour.position !== rule.position) return neighbour.position;
  return Math.max(0, neighbour.position + direction);
}

/**
 * The routing rules in the order they are tried: "try" any of them, move them up or down, delete them
 * (after a confirmation); a new draft is tried and saved in the form below.
 */
export function RoutingRulesPanel({ teams }: { teams: Team[] }) {
  const { t } = useTranslation('teamAdmin');
  const api = useApi();
  const client = useQueryClient();
  const principal = usePrincipal();
  const [deleting, setDeleting] = useState<RoutingRule | null>(null);
  const remove = useMutation<void, ApiError, string>({
    mutationFn: (id) => api.send<void>('case-management', 'DELETE', `/routing-rules/${encodeURIComponent(id)}`),
    onSuccess: () => setDeleting(null),
    onSettled: () => client.invalidateQueries({ queryKey: ['routing-rules'] }),
  });
  // Moving swaps positions with the neighbour: the moved rule first, so a refused move changes nothing.
  const move = useMutation<void, ApiError, { rule: RoutingRule; neighbour: RoutingRule; direction: -1 | 1 }>({
    mutationFn: async ({ rule, neighbour, direction }) => {
      const patch = (id: string, position: number) =>
        api.send<RoutingRule>('case-management', 'PATCH', `/routing-rules/${encodeURIComponent(id)}`, { position });
      await patch(rule.id, movedPosition(rule, neighbour, direction));
      if (neighbour.position !== rule.position) await patch(neighbour.id, rule.position);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['routing-rules'] }),
  });
  const rules = useQuery({
    queryKey: ['routing-rules'],
    queryFn: () => api.get<RoutingRule[]>('case-management', '/routing-rules'),
  });
  const ordered = [...(rules.data ?? [])].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const last = ordered.at(-1)?.position ?? 0;
  const [draft, setDraft] = useState<RuleDraftForm>(() => ({
    id: '',
    position: last + 10,
    teamId: (teams.find((team) => managesTeam(principal, team.id)) ?? teams[0])?.id ?? '',
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
                    <VisuallyHidden>{t('rules.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ordered.map((rule, index) => (
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
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setDraft(draftOf(rule))}
                          aria-label={t('rules.tryRule', { id: rule.id })}
                        >
                          {t('rules.try')}
                        </Button>
                        {managesTeam(principal, rule.teamId) && (
                          <>
                            <Button
                              size="xs"
                              variant="default"
                              disabled={index === 0 || move.isPending}
                              onClick={() => move.mutate({ rule, neighbour: ordered[index - 1], direction: -1 })}
                              aria-label={t('rules.upRule', { id: rule.id })}
                            >
                              {t('rules.up')}
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              disabled={index === ordered.length - 1 || move.isPending}
                              onClick={() => move.mutate({ rule, neighbour: ordered[index + 1], direction: 1 })}
                              aria-label={t('rules.downRule', { id: rule.id })}
                            >
                              {t('rules.down')}
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => {
                                remove.reset();
                                setDeleting(rule);
                              }}
                              aria-label={t('rules.deleteRule', { id: rule.id })}
                            >
                              {t('rules.delete')}
                            </Button>
                          </>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <FormError error={move.error} testId="rule-move-error" />
      </Paper>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('rules.confirmTitle', { id: deleting?.id ?? '' })}
        closeButtonProps={{ 'aria-label': t('rules.cancel') }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('rules.confirmText', { team: deleting?.teamId ?? '' })}</Text>
          <FormError error={remove.error} testId="rule-delete-error" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('rules.cancel')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id)}>
              {t('rules.confirmDelete', { id: deleting?.id ?? '' })}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <RulePreviewForm teams={teams} draft={draft} onChange={setDraft} existingIds={ordered.map((rule) => rule.id)} />
    </Stack>
  );
}
