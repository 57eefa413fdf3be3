import { Title } from '@mantine/core';

// Placeholder until the feature lands.
export function DashboardPage() {
  return <Title order={2}>DashboardPage</Title>;
}
