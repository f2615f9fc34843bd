/**
 * Who may read and change what. Every check lives here, in the core, so that no adapter or
 * repository can forget one: a rep reads only their own customers and activities, a manager
 * (or admin) those of the teams they manage.
 */
import type { Role } from './domain.ts';
import type { MembershipRecord, Scope } from './records.ts';

export interface Viewer {
  userId: number;
  memberships: MembershipRecord[];
}

export function rolesIn(viewer: Viewer, teamId: number): Role[] {
  return viewer.memberships.filter((m) => m.teamId === teamId).map((m) => m.role);
}

export function managesTeam(viewer: Viewer, teamId: number): boolean {
  return viewer.memberships.some((m) => m.teamId === teamId && (m.role === 'manager' || m.role === 'admin'));
}

/** An admin of any team administers the installation: creates teams, assigns roles anywhere. */
export function isAdmin(viewer: Viewer): boolean {
  return viewer.memberships.some((m) => m.role === 'admin');
}

export function isManager(viewer: Viewer): boolean {
  return viewer.memberships.some((m) => m.role === 'manager' || m.role === 'admin');
}

export function scopeOf(viewer: Viewer): Scope {
  const managed = viewer.memberships.filter((m) => m.role === 'manager' || m.role === 'admin').map((m) => m.teamId);
  return { userId: viewer.userId, managedTeamIds: [...new Set(managed)] };
}

/** Whether the viewer may read a record owned by `ownerId` in team `teamId`. */
export function canRead(viewer: Viewer, record: { ownerId: number; teamId: number }): boolean {
  return record.ownerId === viewer.userId || managesTeam(viewer, record.teamId);
}

/** Phone numbers are shown in full only to their owner in a private chat. */
export function showsFullPhone(viewer: Viewer, record: { ownerId: number }, chatType: 'direct' | 'group'): boolean {
  return chatType === 'direct' && record.ownerId === viewer.userId;
}

const RANK: Role[] = ['admin', 'manager', 'rep'];

/** Roles in display order: admin, manager, rep. */
export function sortRoles(roles: Role[]): Role[] {
  return [...roles].sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b));
}
