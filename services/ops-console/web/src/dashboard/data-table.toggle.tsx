import { Button, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableOnScreen } from './scroll-table';

/**
 * A chart's text alternative: its data table is always in the page for screen readers, and shown
 * on screen when asked (WCAG 1.1.1; the toggle is an ordinary button for keyboard users).
 */
export function DataTableToggle({ children }: { children: ReactNode }) {
  const { t } = useTranslation('dashboard');
  const [shown, { toggle }] = useDisclosure(false);
  const id = useId();
  return (
    <>
      <div>
        <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={shown} aria-controls={id}>
          {shown ? t('table.hide') : t('table.show')}
        </Button>
      </div>
      {shown ? (
        <div id={id}>{children}</div>
      ) : (
        <VisuallyHidden id={id}>
          <TableOnScreen.Provider value={false}>{children}</TableOnScreen.Provider>
        </VisuallyHidden>
      )}
    </>
  );
}
