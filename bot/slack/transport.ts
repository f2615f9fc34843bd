/**
 * How Slack reaches us, kept apart from what we do with it (as Bolt's receivers are):
 * - HTTP mode: Bolt's HTTPReceiver serves POST /slack/events on the shared server (signature and
 *   timestamp verified by Bolt: a bad one gets 401; the request is answered as soon as the
 *   listener calls ack(), the work goes on afterwards).
 * - Socket Mode (SLACK_APP_TOKEN): Bolt's SocketModeReceiver, no HTTP route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../config.ts';
import type { HttpRoutes } from '../http-server.ts';

export const EVENTS_PATH = '/slack/events';

export interface SlackTransport {
  app: App;
  mode: 'http' | 'socket';
  start(): Promise<void>;
  /** Stops receiving (HTTP: answers 503 so Slack retries elsewhere or later). */
  stop(): Promise<void>;
}

export interface TransportOptions {
  config: SlackConfig;
  http: HttpRoutes;
  logger: BoltLogger;
  clientOptions: webApi.WebClientOptions;
  botId: string;
  botUserId: string;
  onError?: (err: unknown) => void;
}

export function createTransport(opts: TransportOptions): SlackTransport {
  const { config, logger, clientOptions, botId, botUserId } = opts;
  const appOptions = {
    token: config.botToken,
    botId,
    botUserId,
    // The identity is known (auth.test ran at start-up, or the caller gave it): no auth.test per request.
    tokenVerificationEnabled: false,
    // No Bolt conversation store: dialogue state lives in the core's database.
    convoStore: false as const,
    logger,
    clientOptions,
  };

  if (config.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      // apps.connections.open goes to the same Web API base (SLACK_API_URL) as everything else.
      installerOptions: { clientOptions: { slackApiUrl: clientOptions.slackApiUrl } },
    });
    const app = new App({ ...appOptions, receiver });
    return {
      app,
      mode: 'socket',
      start: async () => {
        await app.start();
      },
      stop: async () => {
        await app.stop();
      },
    };
  }

  if (!config.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)');
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: EVENTS_PATH,
    // Answer Slack as soon as ack() is called; the core's work continues after (Slack wants 3 s).
    processBeforeResponse: false,
    logger,
  });
  const app = new App({ ...appOptions, receiver });
  let receiving = false;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (!receiving) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('not receiving');
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('POST only');
      return;
    }
    try {
      receiver.requestListener(req, res);
    } catch (err) {
      // Bolt throws only for requests it does not serve; answer rather than crash the shared server.
      if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      opts.onError?.(err);
    }
  };
  opts.http.route(EVENTS_PATH, handler);
  return {
    app,
    mode: 'http',
    async start() {
      receiving = true;
    },
    async stop() {
      receiving = false;
    },
  };
}
