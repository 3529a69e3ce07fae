import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { IdParams, literals, Uuid } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { type ImagesService, OVERLAY_PARTS, type OverlayPart } from './images.service.ts';
import { presentImagesWithDefects } from './presenters.ts';

const tags = ['inspection'];
const CONTENT_TYPES = { jpeg: 'image/jpeg', webp: 'image/webp', png: 'image/png' } as const;
/** Plain variants never change (the stored bytes are immutable); overlays change with dispositions. */
const IMMUTABLE = 'private, max-age=31536000, immutable';
const REVALIDATE = 'private, no-cache';

const ImageQuery = Type.Object(
  {
    format: Type.Optional(literals(['jpeg', 'webp', 'png'] as const)),
    w: Type.Optional(
      Type.Integer({ minimum: 16, maximum: 8192, description: 'Width in pixels (never enlarged)' }),
    ),
    overlay: Type.Optional(
      Type.String({
        maxLength: 40,
        pattern: '^(defects|regions)(,(defects|regions))?$',
        description:
          'Draw `defects` (outlines, labels, coloured by disposition) and/or `regions` (coloured by verdict)',
      }),
    ),
  },
  { additionalProperties: false },
);
const ImagesList = Type.Object({ items: Type.Array(Type.Ref('InspectionImageWithDefects')) });

export function imagesRoutes(app: App, { images }: { images: ImagesService }) {
  app.get(
    '/inspection/images/latest',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listLatestImages',
        summary: 'The newest image of every camera (or of one station’s), with defects and verdicts',
        querystring: Type.Object({ stationId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: ImagesList, ...errorResponses(400) },
      },
    },
    async (request) => {
      const found = await images.latest(principalOf(request), request.query);
      return { items: presentImagesWithDefects(found.images, found.defects) };
    },
  );

  app.get(
    '/inspection/images/trigger/:triggerId',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listTriggerImages',
        summary: 'The images of one trigger, with defects and verdicts',
        params: Type.Object({ triggerId: Uuid }),
        response: { 200: ImagesList, ...errorResponses(404) },
      },
    },
    async (request) => {
      const found = await images.ofTrigger(principalOf(request), request.params.triggerId);
      return { items: presentImagesWithDefects(found.images, found.defects) };
    },
  );

  app.get(
    '/inspection/images/meta/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getImageMeta',
        summary: 'An image’s metadata, verdict and defects',
        params: IdParams,
        response: { 200: Type.Ref('InspectionImageWithDefects'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { image, defects } = await images.get(principalOf(request), request.params.id);
      return presentImagesWithDefects([image], defects)[0];
    },
  );

  app.get(
    '/inspection/images/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getImage',
        summary: 'The image in a web format, resized, 16-bit windowed to 8-bit, optionally with overlays',
        description:
          'Variants are rendered once and kept in a disk cache (INSPECTION_CACHE_MB). `ETag` is the digest of the image, the options and the overlay content: `If-None-Match` answers 304. Plain variants are immutable (`Cache-Control: immutable`); overlaid ones change with dispositions and regions and are revalidated.',
        params: IdParams,
        querystring: ImageQuery,
        response: {
          200: Type.Unsafe({ type: 'string', format: 'binary' }),
          304: Type.Null(),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const overlay = (request.query.overlay?.split(',') ?? []) as OverlayPart[];
      if (!overlay.every((p) => (OVERLAY_PARTS as readonly string[]).includes(p)))
        throw badRequest('overlay: defects and/or regions');
      const format = request.query.format ?? 'jpeg';
      const rendered = await images.render(principalOf(request), request.params.id, {
        format,
        width: request.query.w,
        overlay: [...new Set(overlay)].sort(),
      });
      const etag = `"${rendered.key}"`;
      reply
        .header('etag', etag)
        .header('cache-control', overlay.length > 0 ? REVALIDATE : IMMUTABLE)
        .header('x-cache', rendered.hit ? 'hit' : 'miss');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      return reply.type(CONTENT_TYPES[format]).send(rendered.body);
    },
  );

  app.post(
    '/inspection/images/detect/:id',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'detectImageDefects',
        summary:
          'Run the built-in pore detector on a stored image (its earlier detector defects are replaced; the part is judged again)',
        params: IdParams,
        response: { 200: Type.Ref('InspectionImageWithDefects'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { image, defects } = await images.detect(principalOf(request), request.params.id);
      return presentImagesWithDefects([image], defects)[0];
    },
  );
}
