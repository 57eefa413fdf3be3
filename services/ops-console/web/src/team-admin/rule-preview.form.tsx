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
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import type { ApiError } from '../api/api.error';
import { browserLocale } from '../queues/time-left';
import { LIST_FIELDS, previewBody, type RuleDraftForm } from './team-admin.format';
import type { RulePreview, Team } from './team-admin.types';

const RECENT = 100;

/** "Try this rule": a draft's conditions and position, run by case-management over its newest cases. */
export function RulePreviewForm({
  teams,
  draft,
  onChange,
}: {
  teams: Team[];
  draft: RuleDraftForm;
  onChange: (draft: RuleDraftForm) => void;
}) {
  const { t } = useTranslation('teamAdmin');
  const api = useApi();
  const preview = useMutation<RulePreview, ApiError, RuleDraftForm>({
    mutationFn: (form) =>
      api.send<RulePreview>('case-management', 'POST', '/routing-rules/preview', previewBody(form, RECENT)),
  });
  const field = (name: string) => preview.error?.problem.fields?.find((f) => f.field.endsWith(name))?.reason;
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
                onChange={(e) => onChange({ ...draft, id: e.currentTarget.value })}
              />
              <NumberInput
                label={t('preview.position')}
                min={0}
                value={draft.position}
                onChange={(value) => onChange({ ...draft, position: Number(value) || 0 })}
                error={field('position')}
              />
              <Select
                label={t('preview.team')}
                data={teams.map((team) => ({ value: team.id, label: team.name }))}
                value={draft.teamId}
                onChange={(value) => onChange({ ...draft, teamId: value ?? '' })}
                allowDeselect={false}
                error={field('teamId')}
              />
              {LIST_FIELDS.map((name) => (
                <TextInput
                  key={name}
                  label={t(`preview.fields.${name}`)}
                  description={t('preview.commaList')}
                  value={draft.lists[name]}
                  onChange={(e) => onChange({ ...draft, lists: { ...draft.lists, [name]: e.currentTarget.value } })}
                  error={field(name)}
                />
              ))}
              <TextInput
                label={t('preview.minScore')}
                inputMode="numeric"
                value={draft.minScore}
                onChange={(e) => onChange({ ...draft, minScore: e.currentTarget.value })}
                error={field('minScore')}
              />
              <TextInput
                label={t('preview.maxScore')}
                inputMode="numeric"
                value={draft.maxScore}
                onChange={(e) => onChange({ ...draft, maxScore: e.currentTarget.value })}
                error={field('maxScore')}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={preview.isPending}>
                {t('preview.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
        {preview.error && (
          <Alert color="red" role="alert">
            {preview.error.message}
          </Alert>
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
