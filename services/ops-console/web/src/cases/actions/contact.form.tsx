import { Button, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from './action-error';
import type { ActionFormProps } from './action-form.props';

/** Log the first (or another) contact: call, email or meeting, reached or not, with a note. */
export function ContactForm({ run, pending, error }: ActionFormProps) {
  const { t } = useTranslation('cases');
  const [channel, setChannel] = useState<string | null>('call');
  const [result, setResult] = useState<string | null>('reached');
  const [note, setNote] = useState('');
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e) => (e.preventDefault(), run('contact', { channel, result, note: note || undefined }))}
    >
      <Select
        label={t('contact.channel')}
        data={['call', 'email', 'meeting'].map((v) => ({ value: v, label: t(`contact.channels.${v}`) }))}
        value={channel}
        onChange={setChannel}
        allowDeselect={false}
        error={fieldError(error, 'channel')}
      />
      <Select
        label={t('contact.result')}
        data={['reached', 'not_reached'].map((v) => ({ value: v, label: t(`contact.results.${v}`) }))}
        value={result}
        onChange={setResult}
        allowDeselect={false}
        error={fieldError(error, 'result')}
      />
      <Textarea
        label={t('contact.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Button type="submit" loading={pending}>
        {t('contact.submit')}
      </Button>
    </Stack>
  );
}
