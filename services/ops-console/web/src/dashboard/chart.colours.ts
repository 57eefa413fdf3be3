// Chart colours checked against white (WCAG 1.4.11 asks 3:1 for graphics, 1.4.3 4.5:1 for text).
/** The NPS line and its points: Mantine blue 9, 8.6:1. */
export const LINE = '#1864ab';
/** The band's edges: blue 7, 4.2:1; its fill is only a tint between them. */
export const BAND_EDGE = '#1c7ed6';
export const BAND_FILL = '#a5d8ff';
/** A root cause that drags NPS down: red 9, 6.2:1. */
export const DRAGS = '#c92a2a';
/** A root cause that lifts NPS: green 9, 4.9:1. */
export const LIFTS = '#2b8a3e';
/** Axes, the zero line and tick labels: gray 7, 8.1:1. */
export const AXIS = '#495057';
