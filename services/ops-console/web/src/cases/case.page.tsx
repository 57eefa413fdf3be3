import { Title } from '@mantine/core';

// Placeholder until the feature lands.
export function CasePage() {
  return <Title order={2}>CasePage</Title>;
}
