import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { RecruitmentBoardService } from './service';
import {
  ZBoardPost,
  ZBoardPostListQuery,
  ZBoardPostPage,
  ZBoardSubscription,
  ZBoardSubscriptionList,
  ZCloseBoardPost,
  ZCreateBoardPost,
  ZCreateBoardSubscription,
  ZId,
  ZReopenBoardPost,
  ZUpdateBoardPost,
} from './schemas';

const AUTHOR_NOTE = 'Only the post’s author or a manager may do this (403 otherwise). Send the version you read (409 when it changed).';

/** The internal recruitment board (rekrutteringstavle): posts shared between staff, and subscriptions to them. */
export function registerRecruitmentBoardRoutes(app: FastifyInstance, deps: { board: RecruitmentBoardService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['recruitment-board'];
  const ctxOf = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);

  r.get(
    '/api/v1/board-posts',
    {
      preHandler: requirePermission('board.read'),
      schema: {
        tags,
        summary: 'Recruitment board posts: openings, employers’ labour needs and internship places',
        description:
          'Open posts by default (`status=closed|all` for the rest), newest first. `q`: every word in the title, text or employer name. `occupation`: a DISCO-08 code (4 digits) or minor group (3 digits). `sort`: created, expires or title, `-` for descending.',
        querystring: ZBoardPostListQuery,
        response: { 200: ZBoardPostPage },
      },
    },
    async (request) => deps.board.list(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/board-posts',
    {
      preHandler: requirePermission('board.write'),
      schema: {
        tags,
        summary: 'Share a post on the recruitment board',
        description: 'Every colleague with a subscription the post concerns (kind, occupation minor group, municipality — each one set must hold) gets an e-mail, except the author.',
        body: ZCreateBoardPost,
        response: { 201: ZBoardPost },
      },
    },
    async (request, reply) => reply.code(201).send(await deps.board.create(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/board-posts/:id',
    { preHandler: requirePermission('board.read'), schema: { tags, summary: 'One recruitment board post', params: ZId, response: { 200: ZBoardPost } } },
    async (request) => deps.board.get(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/board-posts/:id',
    { preHandler: requirePermission('board.write'), schema: { tags, summary: 'Change a recruitment board post', description: AUTHOR_NOTE, params: ZId, body: ZUpdateBoardPost, response: { 200: ZBoardPost } } },
    async (request) => deps.board.update(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/board-posts/:id/close',
    {
      preHandler: requirePermission('board.write'),
      schema: { tags, summary: 'Close a post, with the reason (filled, withdrawn, expired, mistake, other)', description: AUTHOR_NOTE, params: ZId, body: ZCloseBoardPost, response: { 200: ZBoardPost } },
    },
    async (request) => deps.board.close(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/board-posts/:id/reopen',
    { preHandler: requirePermission('board.write'), schema: { tags, summary: 'Reopen a closed post (undo a close made by mistake)', description: AUTHOR_NOTE, params: ZId, body: ZReopenBoardPost, response: { 200: ZBoardPost } } },
    async (request) => deps.board.reopen(ctxOf(request), request.params.id, request.body),
  );

  r.get(
    '/api/v1/board-subscriptions',
    { preHandler: requirePermission('board.read'), schema: { tags, summary: 'My recruitment board subscriptions', response: { 200: ZBoardSubscriptionList } } },
    async (request) => deps.board.mySubscriptions(ctxOf(request)),
  );
  r.post(
    '/api/v1/board-subscriptions',
    {
      preHandler: requirePermission('board.read'),
      schema: {
        tags,
        summary: 'Subscribe to new recruitment board posts',
        description: 'No filters: the whole board. Otherwise a kind, an occupation minor group (DISCO-08, 3 digits) and/or a municipality; every filter set must hold. The same filters twice give the one subscription.',
        body: ZCreateBoardSubscription,
        response: { 201: ZBoardSubscription },
      },
    },
    async (request, reply) => reply.code(201).send(await deps.board.subscribe(ctxOf(request), request.body)),
  );
  r.delete(
    '/api/v1/board-subscriptions/:id',
    { preHandler: requirePermission('board.read'), schema: { tags, summary: 'End one of my recruitment board subscriptions', params: ZId } },
    async (request, reply) => {
      await deps.board.unsubscribe(ctxOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
