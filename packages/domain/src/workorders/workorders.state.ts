// The work-order lifecycle as a pure state machine: which action is legal in which status, and
// where it leads. The server records every applied action as an event; the UI asks
// allowedActions() which buttons to show. Both use this one table, so they cannot disagree.

export const workOrderStatuses = [
  'new',
  'accepted',
  'dispatched',
  'travelling',
  'on_site',
  'waiting_parts',
  'waiting_customer',
  'resolved',
  'confirmed',
  'closed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

export const workOrderActions = [
  'accept',
  'dispatch',
  'decline',
  'start_travel',
  'arrive',
  'wait_parts',
  'wait_customer',
  'resume',
  'resolve',
  'confirm',
  'close',
  'cancel',
  'reopen',
] as const;
export type WorkOrderAction = (typeof workOrderActions)[number];

export const workOrderTypes = [
  'consultation',
  'complaint',
  'repair',
  'installation',
  'maintenance',
  'return_replace',
  'training',
] as const;
export type WorkOrderType = (typeof workOrderTypes)[number];

/** Types that can be settled without anyone going on site (by phone, by the department at fault). */
export const remoteResolvableTypes: readonly WorkOrderType[] = ['consultation', 'complaint'];

export const waitingStatuses = ['waiting_parts', 'waiting_customer'] as const satisfies readonly WorkOrderStatus[];
export type WaitingStatus = (typeof waitingStatuses)[number];

/** Statuses in which work goes on and an SLA clock runs; a waiting status pauses them. */
export const activeStatuses = ['new', 'accepted', 'dispatched', 'travelling', 'on_site'] as const satisfies readonly WorkOrderStatus[];
type ActiveStatus = (typeof activeStatuses)[number];

export const terminalStatuses: readonly WorkOrderStatus[] = ['closed', 'cancelled'];

export type WorkOrderState = {
  status: WorkOrderStatus;
  /** Where a waiting order goes back to on resume; null unless waiting. */
  resumeStatus: WorkOrderStatus | null;
  type: WorkOrderType;
  /** Whether someone is assigned (dispatch sets it, decline clears it). */
  hasAssignee: boolean;
};

export type TransitionResult = { status: WorkOrderStatus; resumeStatus: WorkOrderStatus | null };

export class WorkOrderTransitionError extends Error {
  constructor(
    readonly from: WorkOrderStatus,
    readonly action: WorkOrderAction,
    readonly reason: 'illegal' | 'needs_assignee' | 'needs_site_visit',
  ) {
    super(`action ${action} is not allowed in status ${from} (${reason})`);
    this.name = 'WorkOrderTransitionError';
  }
}

const isActive = (s: WorkOrderStatus): s is ActiveStatus => (activeStatuses as readonly WorkOrderStatus[]).includes(s);
const isWaiting = (s: WorkOrderStatus): s is WaitingStatus => (waitingStatuses as readonly WorkOrderStatus[]).includes(s);

// from-status → action → to-status, for the actions whose target does not depend on the state.
const table: Partial<Record<WorkOrderStatus, Partial<Record<WorkOrderAction, WorkOrderStatus>>>> = {
  new: { accept: 'accepted', dispatch: 'dispatched', cancel: 'cancelled' },
  accepted: { dispatch: 'dispatched', resolve: 'resolved', cancel: 'cancelled' },
  dispatched: { dispatch: 'dispatched', decline: 'accepted', start_travel: 'travelling', arrive: 'on_site', cancel: 'cancelled' },
  travelling: { dispatch: 'dispatched', arrive: 'on_site', cancel: 'cancelled' },
  on_site: { resolve: 'resolved', cancel: 'cancelled' },
  waiting_parts: { cancel: 'cancelled' },
  waiting_customer: { cancel: 'cancelled' },
  resolved: { confirm: 'confirmed', reopen: 'accepted' },
  confirmed: { close: 'closed', reopen: 'accepted' },
  closed: { reopen: 'accepted' },
  cancelled: {},
};

/**
 * Applies an action to a work order's state, or throws WorkOrderTransitionError.
 * - wait_parts / wait_customer pause an active order (not a brand-new one) and remember where it was;
 *   resume goes back there.
 * - resolve from `accepted` is only for types settled remotely (consultation, complaint); other
 *   types are resolved on site.
 * - start_travel and arrive need an assigned person.
 */
export function applyTransition(state: WorkOrderState, action: WorkOrderAction): TransitionResult {
  const { status } = state;
  if (action === 'wait_parts' || action === 'wait_customer') {
    if (!isActive(status) || status === 'new') throw new WorkOrderTransitionError(status, action, 'illegal');
    return { status: action === 'wait_parts' ? 'waiting_parts' : 'waiting_customer', resumeStatus: status };
  }
  if (action === 'resume') {
    if (!isWaiting(status) || state.resumeStatus === null) throw new WorkOrderTransitionError(status, action, 'illegal');
    return { status: state.resumeStatus, resumeStatus: null };
  }
  const to = table[status]?.[action];
  if (to === undefined) throw new WorkOrderTransitionError(status, action, 'illegal');
  if (action === 'resolve' && status === 'accepted' && !remoteResolvableTypes.includes(state.type)) {
    throw new WorkOrderTransitionError(status, action, 'needs_site_visit');
  }
  if ((action === 'start_travel' || action === 'arrive') && !state.hasAssignee) {
    throw new WorkOrderTransitionError(status, action, 'needs_assignee');
  }
  return { status: to, resumeStatus: null };
}

/** The actions that would succeed in this state (the UI's buttons). */
export function allowedActions(state: WorkOrderState): WorkOrderAction[] {
  return workOrderActions.filter((action) => {
    try {
      applyTransition(state, action);
      return true;
    } catch {
      return false;
    }
  });
}

export function isOpenStatus(status: WorkOrderStatus): boolean {
  return !terminalStatuses.includes(status) && status !== 'resolved' && status !== 'confirmed';
}
