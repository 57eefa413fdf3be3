import { Alert, Paper, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrincipal } from '../../auth/principal';
import { type CaseActionName, offeredActions } from '../case-actions';
import type { CaseItem } from '../case.types';
import { useCaseAction } from '../use-case-detail';
import { ActionError } from './action-error';
import { ContactForm } from './contact.form';
import { NoteForm } from './note.form';
import { ReassignForm } from './reassign.form';
import { ResolveForm } from './resolve.form';

/** The actions the case's status allows, one tab each; a refusal (409, 400) stays above them until the next try. */
export function CaseActionsPanel({ item }: { item: CaseItem }) {
  const { t } = useTranslation('cases');
  const principal = usePrincipal();
  const action = useCaseAction(item.id);
  const [done, setDone] = useState<CaseActionName | null>(null);
  const offered = offeredActions(item.status, principal.roles);
  const [tab, setTab] = useState<string | null>(null);
  const current = tab && offered.includes(tab as CaseActionName) ? tab : offered[0];

  const run = (name: CaseActionName, body: object) => {
    setDone(null);
    action.mutate({ action: name, body }, { onSuccess: () => setDone(name) });
  };
  const props = { run, pending: action.isPending, error: action.error };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="case-actions-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="case-actions-title">
          {t('actions.title')}
        </Title>
        <ActionError error={action.error} />
        {done && !action.error && (
          <Alert color="green" role="status" data-testid="action-done">
            {t(`actions.done.${done}`)}
          </Alert>
        )}
        <Tabs value={current} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            {offered.map((name) => (
              <Tabs.Tab key={name} value={name}>
                {t(`actions.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {offered.map((name) => (
            <Tabs.Panel key={name} value={name} pt="sm">
              {name === 'contact' && <ContactForm {...props} />}
              {name === 'note' && <NoteForm {...props} />}
              {name === 'reassign' && <ReassignForm {...props} ownerId={item.ownerId} />}
              {name === 'resolve' && <ResolveForm {...props} suggested={item.tagIds} />}
              {name === 'close' && <NoteForm {...props} action="close" required={false} />}
              {name === 'reopen' && <NoteForm {...props} action="reopen" />}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Paper>
  );
}
