import { type CSSVariablesResolver, createTheme, Loader } from '@mantine/core';

// Mantine's default blue 6 on white is 3.6:1; shade 8 passes WCAG AA (4.5:1) for text and links.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  // Whoever asks their system for reduced motion gets dialogs and menus without fades (WCAG 2.3.3).
  respectReducedMotion: true,
  components: {
    // A spinner's aria-label is only read out on an element with a role.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});

// Dimmed text is gray 6 by default (3.3:1 on white); gray 7 is 7:1.
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] },
  dark: {},
});
