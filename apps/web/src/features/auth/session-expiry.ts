// Set when a request comes back 401 during a session, so the login page can say why it is shown.
let expired = false;

export function markSessionExpired(): void {
  expired = true;
}

export function isSessionExpired(): boolean {
  return expired;
}

export function clearSessionExpired(): void {
  expired = false;
}
