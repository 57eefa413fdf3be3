import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilters } from './queue-filters';
import { deleteView, loadViews, type SavedView, saveView } from './saved-views';

/** Pick a saved view, save the current filters under a name, or delete the picked view (kept in localStorage). */
export function SavedViewsControl({
  filters,
  onApply,
}: {
  filters: QueueFilters;
  onApply: (filters: QueueFilters) => void;
}) {
  const { t } = useTranslation('queues');
  const [views, setViews] = useState<SavedView[]>(() => loadViews(localStorage));
  const [picked, setPicked] = useState<string | null>(null);
  const [name, setName] = useState('');

  const pick = (value: string | null) => {
    setPicked(value);
    const view = views.find((v) => v.name === value);
    if (view) onApply(view.filters);
  };
  const save = () => {
    setViews(saveView(localStorage, name, filters));
    setPicked(name.trim() || null);
    setName('');
  };
  const remove = () => {
    if (!picked) return;
    setViews(deleteView(localStorage, picked));
    setPicked(null);
  };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('views.saved')}
        w={200}
        placeholder={views.length ? t('views.pick') : t('views.none')}
        data={views.map((v) => v.name)}
        value={picked}
        onChange={pick}
        disabled={views.length === 0}
      />
      <Button variant="default" onClick={remove} disabled={!picked}>
        {t('views.delete')}
      </Button>
      <TextInput
        label={t('views.name')}
        w={200}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && name.trim()) save();
        }}
      />
      <Button variant="default" onClick={save} disabled={!name.trim()}>
        {t('views.save')}
      </Button>
    </Group>
  );
}
