import { Alert, Button, Center, Loader } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { useLocation } from 'react-router';

/** Renders its children for a signed-in person; anyone else is sent to the issuer's login. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  const mustSignIn = !auth.isLoading && !auth.isAuthenticated && !auth.error && !auth.activeNavigator;

  useEffect(() => {
    if (mustSignIn) void auth.signinRedirect({ state: { returnTo: location.pathname + location.search } });
  }, [mustSignIn, auth, location.pathname, location.search]);

  if (auth.error) {
    return (
      <Center h="100vh">
        <Alert color="red" title={t('auth.failed')} role="alert">
          {auth.error.message}
          <Button mt="md" onClick={() => void auth.signinRedirect()}>
            {t('auth.signInAgain')}
          </Button>
        </Alert>
      </Center>
    );
  }
  if (!auth.isAuthenticated) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('auth.signingIn')} />
      </Center>
    );
  }
  return <>{children}</>;
}
