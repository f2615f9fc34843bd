/**
 * The capabilities the bot ships with, in the order /help lists them.
 */
import type { CoreDeps, Feature } from './context.ts';
import { customerCommandsFeature } from './calls/commands.ts';
import { callsFeature } from './calls/feature.ts';
import { ProductVocabulary } from './calls/product-vocabulary.ts';
import { customersFeature } from './commands/customers.ts';
import { digestFeature } from './digest/feature.ts';
import { helpFeature } from './commands/help.ts';
import { langFeature } from './commands/lang.ts';
import { linkFeature } from './commands/link.ts';
import { meFeature } from './commands/me.ts';
import { teamFeature } from './commands/team.ts';
import { tzFeature } from './commands/tz.ts';
import { knowledgeFeature } from './knowledge/feature.ts';
import { KnowledgeService } from './knowledge/service.ts';
import { remindersFeature } from './reminders/feature.ts';
import { createCore, type Core } from './router.ts';
import { scriptsFeature } from './scripts/feature.ts';

export function createBot(deps: CoreDeps, extra: Feature[] = []): Core {
  // /help lists the commands of every feature, itself included, so it reads them lazily.
  let core: Core | undefined;
  const help = helpFeature(() => core?.commands ?? []);
  const knowledge = new KnowledgeService(deps.store, deps.semantic && { ...deps.semantic, logger: deps.logger });
  const products = new ProductVocabulary(knowledge, deps.store);
  core = createCore(deps, [
    help,
    callsFeature(products),
    customerCommandsFeature,
    remindersFeature(products),
    knowledgeFeature(knowledge),
    scriptsFeature(knowledge),
    digestFeature,
    customersFeature,
    ...extra,
    teamFeature,
    meFeature,
    linkFeature,
    langFeature,
    tzFeature,
  ]);
  return core;
}
