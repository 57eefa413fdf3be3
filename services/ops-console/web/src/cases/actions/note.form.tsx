import { Button, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from './action-error';
import type { ActionFormProps } from './action-form.props';

/** A note on the case; close and reopen take theirs in the same way. */
export function NoteForm({
  run,
  pending,
  error,
  action = 'note',
  required = true,
}: ActionFormProps & { action?: 'note' | 'close' | 'reopen'; required?: boolean }) {
  const { t } = useTranslation('cases');
  const [note, setNote] = useState('');
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e) => (e.preventDefault(), run(action, required || note ? { note } : {}))}
    >
      <Textarea
        label={t(`${action}.note`)}
        description={t(`${action}.hint`)}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        withAsterisk={required}
        error={fieldError(error, 'note')}
      />
      <Button type="submit" loading={pending} variant={action === 'note' ? 'filled' : 'default'}>
        {t(`${action}.submit`)}
      </Button>
    </Stack>
  );
}
