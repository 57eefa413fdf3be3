import { Table, type TableProps } from '@mantine/core';
import { createContext, type ReactNode, useContext } from 'react';

/** False inside a data table kept for screen readers only (DataTableToggle, hidden). */
export const TableOnScreen = createContext(true);

/**
 * A table that scrolls sideways when the page is narrower than `minWidth` (768 px with the
 * navigation open). The scrolling box takes keyboard focus so it can be scrolled without a mouse
 * (WCAG 2.1.1); a table kept off screen does not scroll, so it adds no invisible tab stop.
 */
export function ScrollTable({
  minWidth,
  label,
  children,
  ...props
}: TableProps & { minWidth: number; label: string; children: ReactNode }) {
  const onScreen = useContext(TableOnScreen);
  const table = (
    <Table {...props} miw={onScreen ? minWidth : undefined}>
      {children}
    </Table>
  );
  if (!onScreen) return table;
  return (
    <div className="dashboard-scroll" role="group" aria-label={label} tabIndex={0}>
      {table}
    </div>
  );
}
