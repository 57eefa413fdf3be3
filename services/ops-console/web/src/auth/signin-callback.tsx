import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from 'react-oidc-context';
import { Navigate } from 'react-router';

/** The redirect URI: react-oidc-context redeems the code; then back to where the person was going. */
export function SigninCallback() {
  const auth = useAuth();
  const { t } = useTranslation();
  if (auth.isAuthenticated) {
    const returnTo = (auth.user?.state as { returnTo?: string } | undefined)?.returnTo;
    return <Navigate to={returnTo?.startsWith('/') ? returnTo : '/'} replace />;
  }
  if (!auth.isLoading && !auth.activeNavigator) return <Navigate to="/" replace />;
  return (
    <Center h="100vh">
      <Loader aria-label={t('auth.signingIn')} />
    </Center>
  );
}
