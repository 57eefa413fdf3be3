import { WebStorageStateStore } from 'oidc-client-ts';
import type { ReactNode } from 'react';
import { AuthProvider } from 'react-oidc-context';
import type { ConsoleConfig } from '../app/console.config';

/**
 * Authorization Code + PKCE against the services' issuer (oidc-client-ts does the PKCE). The
 * resource indicator makes the access token a JWT for the services' audience; the session lives
 * in sessionStorage, so closing the tab ends it.
 */
export function ConsoleAuthProvider({ config, children }: { config: ConsoleConfig; children: ReactNode }) {
  const origin = window.location.origin;
  return (
    <AuthProvider
      authority={config.issuer}
      client_id={config.clientId}
      redirect_uri={`${origin}/callback`}
      post_logout_redirect_uri={`${origin}/`}
      scope="openid profile"
      extraQueryParams={{ resource: config.audience }}
      extraTokenParams={{ resource: config.audience }}
      userStore={new WebStorageStateStore({ store: window.sessionStorage })}
      automaticSilentRenew
    >
      {children}
    </AuthProvider>
  );
}
