/**
 * The core's store port, implemented with drizzle over PGlite or PostgreSQL.
 */
import type { Store } from '../core/ports.ts';
import type { Db } from './connect.ts';
import { activityRepository } from './repositories/activities.ts';
import { auditRepository } from './repositories/audit.ts';
import { conversationRepository } from './repositories/conversations.ts';
import { customerRepository } from './repositories/customers.ts';
import { deliveryRepository } from './repositories/deliveries.ts';
import { followUpRepository } from './repositories/follow-ups.ts';
import { kbQuestionRepository } from './repositories/kb-questions.ts';
import { knowledgeRepository } from './repositories/knowledge.ts';
import { outboxRepository } from './repositories/outbox.ts';
import { metricsRepository } from './repositories/metrics.ts';
import { digestRepository, targetRepository } from './repositories/targets.ts';
import { planRepository } from './repositories/plans.ts';
import { reminderRepository } from './repositories/reminders.ts';
import { teamRepository } from './repositories/teams.ts';
import { userRepository } from './repositories/users.ts';

export function createStore(db: Db): Store {
  return {
    users: userRepository(db),
    teams: teamRepository(db),
    customers: customerRepository(db),
    activities: activityRepository(db),
    followUps: followUpRepository(db),
    conversations: conversationRepository(db),
    knowledge: knowledgeRepository(db),
    questions: kbQuestionRepository(db),
    outbox: outboxRepository(db),
    deliveries: deliveryRepository(db),
    audit: auditRepository(db),
    reminders: reminderRepository(db),
    metrics: metricsRepository(db),
    targets: targetRepository(db),
    plans: planRepository(db),
    digests: digestRepository(db),
    // Inside a transaction, nested calls become savepoints.
    transaction: (fn) => db.transaction((tx) => fn(createStore(tx as unknown as Db))),
  };
}
