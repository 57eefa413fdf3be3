import { Title } from '@mantine/core';

// Placeholder until the feature lands.
export function QueuesPage() {
  return <Title order={2}>QueuesPage</Title>;
}
