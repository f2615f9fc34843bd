import { eq, inArray, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../../core/records.ts';

/** WHERE clause for a viewer's scope: rows they own, or rows of teams they manage. */
export function scopeWhere(scope: Scope, owner: PgColumn, team: PgColumn): SQL {
  const own = eq(owner, scope.userId);
  if (!scope.managedTeamIds.length) return own;
  return or(own, inArray(team, scope.managedTeamIds)) as SQL;
}
