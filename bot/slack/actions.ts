/**
 * How a core button travels through Slack: the handler name goes in the Block Kit button's
 * action_id (with an index, since action_ids must be unique within a block), the opaque payload in
 * its value. Slack's limits: action_id ≤ 255 characters, value ≤ 2000.
 */
import type { Button } from '../../core/reply.ts';

export const ACTION_ID_MAX = 255;
export const ACTION_VALUE_MAX = 2000;

/** Every action_id this app renders starts with this (its Bolt listener matches it). */
export const ACTION_PREFIX = 'sb:';
export const ACTION_ID_PATTERN = /^sb:/;

/** `sb:<index>:<action>`; null when the button cannot be encoded within Slack's limits. */
export function encodeAction(button: Button, index: number): { action_id: string; value?: string } | null {
  const actionId = `${ACTION_PREFIX}${index}:${button.action}`;
  if (actionId.length > ACTION_ID_MAX) return null;
  if (button.value !== undefined && (button.value.length > ACTION_VALUE_MAX || button.value === '')) {
    return button.value === '' ? { action_id: actionId } : null;
  }
  return button.value === undefined ? { action_id: actionId } : { action_id: actionId, value: button.value };
}

/** The core's action back from a Block Kit action; null when the action_id is not ours. */
export function decodeAction(actionId: string, value: string | undefined): { name: string; value?: string } | null {
  const m = actionId.match(/^sb:\d+:(.+)$/s);
  if (!m?.[1]) return null;
  return value === undefined || value === '' ? { name: m[1] } : { name: m[1], value };
}
