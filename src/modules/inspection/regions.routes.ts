import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import { RegionCreate, RegionPreview, RegionPut, VERDICTS } from './inspection.schemas.ts';
import { presentRegion } from './presenters.ts';
import type { RegionsService } from './regions.service.ts';

const tags = ['inspection'];
const CameraParams = Type.Object({ cameraId: Type.String({ format: 'uuid' }) });
const Saved = Type.Object({ region: Type.Ref('InspectionRegion'), version: Type.Integer() });

export function regionsRoutes(app: App, { regions }: { regions: RegionsService }) {
  app.get(
    '/inspection/regions/camera/:cameraId',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listCameraRegions',
        summary: "A camera's regions (all sets, or ?regionSet=) and its region version",
        params: CameraParams,
        querystring: Type.Object(
          {
            regionSet: Type.Optional(
              Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9._-]+$' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Ref('InspectionRegionList'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const { camera, regions: rows } = await regions.ofCamera(
        principalOf(request),
        request.params.cameraId,
        request.query.regionSet,
      );
      return { cameraId: camera.id, version: camera.regionVersion, items: rows.map(presentRegion) };
    },
  );

  app.get(
    '/inspection/regions/camera/:cameraId/versions',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listRegionVersions',
        summary: "The camera's region versions, newest first: what each verdict was judged by",
        params: CameraParams,
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              version: Type.Integer(),
              change: Type.String(),
              changedBy: Type.Union([Type.String(), Type.Null()]),
              createdAt: Type.String({ format: 'date-time' }),
              regions: Type.Array(Type.Object({}, { additionalProperties: true })),
            }),
          ),
          ...errorResponses(404),
        },
      },
    },
    async (request) =>
      (await regions.versions(principalOf(request), request.params.cameraId, request.query.limit)).map(
        (v) => ({
          version: v.version,
          change: v.change,
          changedBy: v.changedBy,
          createdAt: v.createdAt.toISOString(),
          regions: v.regions as Record<string, unknown>[],
        }),
      ),
  );

  app.post(
    '/inspection/regions',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'createRegion',
        summary: 'Add a region with rules to a camera (a new region version)',
        description:
          'The polygon is in normalized image coordinates (0–1): at least 3 points, not self-intersecting. Rules: maxPoreSizeMm, maxPoreCount, maxDensityPerCm2, maxAreaShare, minSpacingMm with spacingMode merge|fail, ignoreBelowMm, types. Kind `ignore` makes an ignore zone.',
        body: RegionCreate,
        response: { 201: Saved, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const { region, version } = await regions.create(principalOf(request), request.body);
      return reply.status(201).send({ region: presentRegion(region), version });
    },
  );

  app.put(
    '/inspection/regions/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'replaceRegion',
        summary:
          'Replace a region (a new region version; existing verdicts keep theirs — re-analyse to re-judge)',
        params: IdParams,
        body: RegionPut,
        response: { 200: Saved, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { region, version } = await regions.replace(
        principalOf(request),
        request.params.id,
        request.body,
      );
      return { region: presentRegion(region), version };
    },
  );

  app.delete(
    '/inspection/regions/:id',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'deleteRegion',
        summary: 'Delete a region (a new region version)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await regions.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/inspection/regions/camera/:cameraId/preview',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'previewRegions',
        summary: "Judge the camera's recent images by regions not saved yet (current vs proposed verdict)",
        params: CameraParams,
        body: RegionPreview,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                triggerId: Type.String(),
                imageId: Type.String(),
                partSerial: Type.String(),
                ts: Type.String({ format: 'date-time' }),
                current: Type.String({ enum: [...VERDICTS] }),
                proposed: Type.String({ enum: [...VERDICTS] }),
                reasons: Type.Array(Type.String()),
              }),
            ),
          }),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => {
      const items = await regions.preview(
        principalOf(request),
        request.params.cameraId,
        request.body.regions,
        request.body.limit ?? 20,
      );
      return { items: items.map((i) => ({ ...i, ts: i.ts.toISOString() })) };
    },
  );
}
