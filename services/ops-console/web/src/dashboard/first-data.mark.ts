import { useEffect, useRef } from 'react';

/** The User Timing mark set when the headline and NPS chart are first drawn (tests/load/dashboard.bench.ts). */
export const FIRST_DATA_MARK = 'nps-dashboard:first-data';

/** Sets FIRST_DATA_MARK once, on the frame after `ready` first holds (the chart has laid out by then). */
export function useFirstDataMark(ready: boolean): void {
  const marked = useRef(false);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    const frame = requestAnimationFrame(() => performance.mark(FIRST_DATA_MARK));
    return () => cancelAnimationFrame(frame);
  }, [ready]);
}
