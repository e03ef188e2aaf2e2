import type { FastifyRequest } from 'fastify';

export type Language = 'da' | 'en';

/** Danish unless the client asks for English first (Accept-Language or the app's `lang` cookie). */
export function requestLanguage(request: Pick<FastifyRequest, 'headers' | 'cookies'>): Language {
  const cookie = request.cookies?.lang;
  if (cookie === 'en' || cookie === 'da') return cookie;
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'da';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'da';
}
