import { Alert, Loader, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import type { ApiError } from '../api/api.error';
import type { Member, Team } from './team-admin.types';

/** Each team's members and whether routing may give them cases (available), switchable in place. */
export function MembersPanel({ teams }: { teams: Team[] }) {
  return (
    <Stack gap="md">
      {teams.map((team) => (
        <TeamMembers key={team.id} team={team} />
      ))}
    </Stack>
  );
}

function TeamMembers({ team }: { team: Team }) {
  const { t } = useTranslation('teamAdmin');
  const api = useApi();
  const client = useQueryClient();
  const members = useQuery({
    queryKey: ['members', team.id],
    queryFn: () => api.get<Member[]>('case-management', `/teams/${team.id}/members`),
  });
  const availability = useMutation<Member, ApiError, { id: string; available: boolean }>({
    mutationFn: ({ id, available }) => api.send<Member>('case-management', 'PATCH', `/members/${id}`, { available }),
    onSettled: () => client.invalidateQueries({ queryKey: ['members', team.id] }),
  });
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={`members-${team.id}`}>
      <Title order={3} size="h4" id={`members-${team.id}`} mb="xs">
        {t('members.team', { name: team.name, id: team.id })}
      </Title>
      {members.isPending && <Loader size="sm" aria-label={t('loading')} />}
      {availability.error && (
        <Alert color="red" role="alert" mb="xs">
          {availability.error.message}
        </Alert>
      )}
      {members.data && members.data.length === 0 && <Text size="sm">{t('members.none')}</Text>}
      {members.data && members.data.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={4}>
            <Table.Caption>{t('members.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('members.name')}</Table.Th>
                <Table.Th scope="col">{t('members.email')}</Table.Th>
                <Table.Th scope="col">{t('members.role')}</Table.Th>
                <Table.Th scope="col">{t('members.availability')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <Table.Tr key={member.id}>
                  <Table.Td>
                    {member.name}{' '}
                    <Text span size="xs" c="dimmed">
                      ({member.id})
                    </Text>
                  </Table.Td>
                  <Table.Td>{member.email}</Table.Td>
                  <Table.Td>{team.leadMemberId === member.id ? t('members.lead') : ''}</Table.Td>
                  <Table.Td>
                    <Switch
                      checked={member.available}
                      label={member.available ? t('members.available') : t('members.away')}
                      aria-label={t('members.availableFor', { name: member.name })}
                      disabled={availability.isPending}
                      onChange={(event) =>
                        availability.mutate({ id: member.id, available: event.currentTarget.checked })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
