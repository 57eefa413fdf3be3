import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import type { ApiError } from '../api/api.error';
import { browserLocale } from '../queues/time-left';
import { fieldReason, FormError } from './form-error';
import { LIST_FIELDS, previewBody, ruleBody, type RuleDraftForm } from './team-admin.format';
import type { RoutingRule, RulePreview, Team } from './team-admin.types';

const RECENT = 100;

/**
 * "Try this rule": a draft's conditions and position, run by case-management over its newest cases;
 * then "Save": POST /routing-rules for a new id, PATCH /routing-rules/:id for an existing rule's id.
 */
export function RulePreviewForm({
  teams,
  draft,
  onChange,
  existingIds,
}: {
  teams: Team[];
  draft: RuleDraftForm;
  onChange: (draft: RuleDraftForm) => void;
  /** Ids of the stored rules: saving one of them changes it instead of creating a rule. */
  existingIds: string[];
}) {
  const { t } = useTranslation('teamAdmin');
  const api = useApi();
  const client = useQueryClient();
  const preview = useMutation<RulePreview, ApiError, RuleDraftForm>({
    mutationFn: (form) =>
      api.send<RulePreview>('case-management', 'POST', '/routing-rules/preview', previewBody(form, RECENT)),
  });
  const exists = existingIds.includes(draft.id.trim());
  const save = useMutation<RoutingRule, ApiError, { form: RuleDraftForm; exists: boolean }>({
    mutationFn: ({ form, exists: change }) => {
      const { id, ...fields } = ruleBody(form);
      return change
        ? api.send<RoutingRule>('case-management', 'PATCH', `/routing-rules/${encodeURIComponent(id ?? '')}`, fields)
        : api.send<RoutingRule>('case-management', 'POST', '/routing-rules', { id: id ?? '', ...fields });
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['routing-rules'] }),
  });
  const field = (name: string) => fieldReason(preview.error, name) ?? fieldReason(save.error, name);
  const change = (next: RuleDraftForm) => {
    save.reset();
    onChange(next);
  };
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="preview-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="preview-title">
          {t('preview.title')}
        </Title>
        <Text size="sm">{t('preview.intro', { count: RECENT })}</Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            preview.mutate(draft);
          }}
        >
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <TextInput
                label={t('preview.id')}
                description={t('preview.idHint')}
                value={draft.id}
                onChange={(e) => change({ ...draft, id: e.currentTarget.value })}
                error={field('id')}
              />
              <NumberInput
                label={t('preview.position')}
                min={0}
                value={draft.position}
                onChange={(value) => change({ ...draft, position: Number(value) || 0 })}
                error={field('position')}
              />
              <Select
                label={t('preview.team')}
                data={teams.map((team) => ({ value: team.id, label: team.name }))}
                value={draft.teamId}
                onChange={(value) => change({ ...draft, teamId: value ?? '' })}
                allowDeselect={false}
                error={field('teamId')}
              />
              {LIST_FIELDS.map((name) => (
                <TextInput
                  key={name}
                  label={t(`preview.fields.${name}`)}
                  description={t('preview.commaList')}
                  value={draft.lists[name]}
                  onChange={(e) => change({ ...draft, lists: { ...draft.lists, [name]: e.currentTarget.value } })}
                  error={field(name)}
                />
              ))}
              <TextInput
                label={t('preview.minScore')}
                inputMode="numeric"
                value={draft.minScore}
                onChange={(e) => change({ ...draft, minScore: e.currentTarget.value })}
                error={field('minScore')}
              />
              <TextInput
                label={t('preview.maxScore')}
                inputMode="numeric"
                value={draft.maxScore}
                onChange={(e) => change({ ...draft, maxScore: e.currentTarget.value })}
                error={field('maxScore')}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={preview.isPending}>
                {t('preview.submit')}
              </Button>
              <Button
                type="button"
                variant="default"
                loading={save.isPending}
                onClick={() => save.mutate({ form: draft, exists })}
              >
                {exists ? t('preview.saveChange', { id: draft.id.trim() }) : t('preview.save')}
              </Button>
            </Group>
            {!draft.id.trim() && <Text size="xs">{t('preview.saveNeedsId')}</Text>}
          </Stack>
        </form>
        {preview.error && (
          <Alert color="red" role="alert">
            {preview.error.message}
          </Alert>
        )}
        <FormError error={save.error} testId="rule-save-error" />
        {save.isSuccess && (
          <Text role="status" data-testid="rule-saved">
            {t('preview.saved', { id: save.data.id, position: save.data.position })}
          </Text>
        )}
        {preview.data && (
          <Stack gap="xs" data-testid="rule-preview">
            <Text role="status" fw={500}>
              {t('preview.summary', {
                considered: preview.data.considered,
                matched: preview.data.matched,
                won: preview.data.won,
              })}
            </Text>
            {preview.data.cases.length > 0 && (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing={4}>
                  <Table.Caption>{t('preview.caption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('preview.opened')}</Table.Th>
                      <Table.Th scope="col">{t('preview.facts')}</Table.Th>
                      <Table.Th scope="col">{t('preview.teamNow')}</Table.Th>
                      <Table.Th scope="col">{t('preview.wouldGo')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.data.cases.map((c, index) => (
                      <Table.Tr key={c.redacted ? `r-${index}` : c.id}>
                        <Table.Td>{new Date(c.openedAt).toLocaleString(browserLocale())}</Table.Td>
                        <Table.Td>
                          {c.redacted
                            ? t('preview.redacted')
                            : [
                                `score ${c.score}`,
                                c.segment,
                                c.region,
                                c.tier,
                                c.language,
                                c.touchpointType,
                                ...c.tagIds,
                              ]
                                .filter(Boolean)
                                .join(' · ')}
                        </Table.Td>
                        <Table.Td>{c.teamId}</Table.Td>
                        <Table.Td>
                          <Badge variant={c.wins ? 'filled' : 'default'} color="dark">
                            {c.wins ? t('preview.wins') : t('preview.taken')}
                          </Badge>{' '}
                          {c.routedTo}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
