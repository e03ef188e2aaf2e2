// oidc-provider ships no types (and @types/oidc-provider is not installed): the small part the
// portal's MitID test uses, typed by hand.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Ctx = { oidc: { provider: Provider; client?: { clientId: string }; session?: { accountId?: string } } };
  type Account = { accountId: string; claims(): Record<string, unknown> | Promise<Record<string, unknown>> };
  type GrantInstance = { addOIDCScope(scope: string): void; save(): Promise<string> };

  export type Configuration = {
    clients?: Record<string, unknown>[];
    scopes?: string[];
    claims?: Record<string, string[]>;
    findAccount?(ctx: Ctx, id: string): Account | undefined | Promise<Account | undefined>;
    features?: Record<string, { enabled: boolean }>;
    interactions?: { url(ctx: Ctx, interaction: { uid: string }): string };
    loadExistingGrant?(ctx: Ctx): Promise<GrantInstance | undefined>;
    cookies?: { keys: string[] };
    ttl?: Record<string, number>;
  };

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    Grant: new (init: { clientId: string; accountId: string }) => GrantInstance;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; prompt: { name: string } }>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }
}
