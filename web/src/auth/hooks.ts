import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { client } from '../typed-api';
import { getSession, type Session, subscribeSession } from './session';
import { type Me, type Permissions, permissionsOf } from './types';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, () => null);
}

/** The signed-in user, organisation, role and scopes (only fetched while signed in). */
export function useMe() {
  const signedIn = useSession() !== null;
  return useQuery({
    queryKey: ME_QUERY_KEY,
    // The generated response type must fit the dashboard's Me (typecheck fails otherwise).
    queryFn: ({ signal }): Promise<Me> => client.get('/api/v1/auth/me', { signal }),
    enabled: signedIn,
    staleTime: 60_000,
  });
}

export function usePermissions(): Permissions {
  return permissionsOf(useMe().data);
}
