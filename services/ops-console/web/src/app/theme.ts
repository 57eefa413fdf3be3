import { createTheme } from '@mantine/core';

// Mantine's default blue 6 on white is 3.6:1; shade 8 passes WCAG AA (4.5:1) for text and links.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
});
