import { type Io, openForCommand, parseFlags, readConfig, type Subcommand } from './common.ts';

export const migrateCommand: Subcommand = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'apply database migrations and exit',
  async run(args: string[], io: Io) {
    parseFlags(args, {});
    const config = readConfig();
    const { app } = await openForCommand(config, io, 'info');
    await app.close();
    io.stdout.write(`Database is up to date (${app.database.kind}).\n`);
    return 0;
  },
};
