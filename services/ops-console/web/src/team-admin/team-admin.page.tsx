import { Title } from '@mantine/core';

// Placeholder until the feature lands.
export function TeamAdminPage() {
  return <Title order={2}>TeamAdminPage</Title>;
}
