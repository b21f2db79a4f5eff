import type { Role, Scope } from '@sht/domain';

/** The authenticated caller, resolved once per request from a session cookie or an API token. */
export type Actor = {
  userId: string;
  username: string;
  name: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  roles: Role[];
  scope: Scope;
  via: 'session' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  csrfToken: string | null;
  mustChangePassword: boolean;
};

/** What every service call needs to know about who asks, for scope checks and the audit log. */
export type ServiceContext = {
  actor: Actor;
  requestId: string;
  ip: string | null;
  now: Date;
};

export type AnonymousContext = Omit<ServiceContext, 'actor'> & { actor: null };
