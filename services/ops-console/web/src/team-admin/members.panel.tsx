import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api.client';
import type { ApiError } from '../api/api.error';
import { usePrincipal } from '../auth/principal';
import { fieldReason, FormError } from './form-error';
import { managesTeam } from './team-admin.format';
import type { Member, Team } from './team-admin.types';

/** Each team's members and whether routing may give them cases (available), switchable in place; adding members. */
export function MembersPanel({ teams }: { teams: Team[] }) {
  const principal = usePrincipal();
  return (
    <Stack gap="md">
      {teams.map((team) => (
        <TeamMembers key={team.id} team={team} manages={managesTeam(principal, team.id)} />
      ))}
    </Stack>
  );
}

function TeamMembers({ team, manages }: { team: Team; manages: boolean }) {
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
      {manages && <AddMemberForm team={team} />}
    </Paper>
  );
}

const NO_MEMBER = { id: '', name: '', email: '', available: true };

/** POST /teams/:teamId/members: a new member of `team` (its lead or an admin); 400/403/409 next to the form. */
function AddMemberForm({ team }: { team: Team }) {
  const { t } = useTranslation('teamAdmin');
  const api = useApi();
  const client = useQueryClient();
  const [member, setMember] = useState(NO_MEMBER);
  const add = useMutation<Member, ApiError, typeof NO_MEMBER>({
    mutationFn: (body) =>
      api.send<Member>('case-management', 'POST', `/teams/${team.id}/members`, {
        ...body,
        id: body.id.trim(),
        name: body.name.trim(),
        email: body.email.trim(),
      }),
    onSuccess: () => setMember(NO_MEMBER),
    onSettled: () => client.invalidateQueries({ queryKey: ['members', team.id] }),
  });
  return (
    <form
      aria-labelledby={`add-member-${team.id}`}
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(member);
      }}
    >
      <Stack gap="xs" mt="sm">
        <Title order={4} size="h5" id={`add-member-${team.id}`}>
          {t('members.add.title', { name: team.name })}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            label={t('members.add.id')}
            description={t('members.add.idHint')}
            withAsterisk
            value={member.id}
            onChange={(e) => setMember({ ...member, id: e.currentTarget.value })}
            error={fieldReason(add.error, 'id')}
          />
          <TextInput
            label={t('members.add.name')}
            withAsterisk
            value={member.name}
            onChange={(e) => setMember({ ...member, name: e.currentTarget.value })}
            error={fieldReason(add.error, 'name')}
          />
          <TextInput
            label={t('members.add.email')}
            type="email"
            withAsterisk
            value={member.email}
            onChange={(e) => setMember({ ...member, email: e.currentTarget.value })}
            error={fieldReason(add.error, 'email')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('members.add.available')}
          checked={member.available}
          onChange={(e) => setMember({ ...member, available: e.currentTarget.checked })}
        />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('members.add.submit')}
          </Button>
          {add.isSuccess && (
            <Text size="sm" role="status" data-testid={`member-added-${team.id}`}>
              {t('members.add.done', { name: add.data.name, id: add.data.id })}
            </Text>
          )}
        </Group>
        <FormError error={add.error} testId={`add-member-error-${team.id}`} />
      </Stack>
    </form>
  );
}
