import Type from 'typebox';
import { principalOf } from '../../platform/http/access.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { PageQuery, presentPage } from '../../platform/http/pagination.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { ImagesService } from './images.service.ts';
import {
  CameraCreate,
  CameraPatch,
  CameraQuery,
  CurrentPartPut,
  PartCreate,
  PartParams,
  PartPatch,
  SerialParams,
  StationCreate,
  StationPatch,
} from './inspection.schemas.ts';
import {
  presentCamera,
  presentCurrentPart,
  presentImagesWithDefects,
  presentPart,
  presentStation,
} from './presenters.ts';
import type { StationsService } from './stations.service.ts';

const tags = ['inspection'];
const Paging = Type.Object(PageQuery, { additionalProperties: false });

export function stationsRoutes(
  app: App,
  { stations, images }: { stations: StationsService; images: ImagesService },
) {
  app.get(
    '/inspection/stations',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listInspectionStations',
        summary: 'Inspection stations with their camera count and current part',
        querystring: Paging,
        response: { 200: Type.Ref('InspectionStationPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(
        await stations.listStations(principalOf(request), request.query),
        request.query,
        presentStation,
      ),
  );

  app.post(
    '/inspection/stations',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createInspectionStation',
        summary: 'Create an inspection station (name unique per facility)',
        body: StationCreate,
        response: { 201: Type.Ref('InspectionStation'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => {
      const station = await stations.createStation(principalOf(request), request.body);
      return reply
        .status(201)
        .send(presentStation({ station, cameraCount: 0, partNumber: null, partSerial: null }));
    },
  );

  app.patch(
    '/inspection/stations/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateInspectionStation',
        summary: 'Rename a station or move it to another line',
        params: IdParams,
        body: StationPatch,
        response: { 200: Type.Ref('InspectionStation'), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const station = await stations.updateStation(principalOf(request), request.params.id, request.body);
      return presentStation({ station, cameraCount: 0, partNumber: null, partSerial: null });
    },
  );

  app.delete(
    '/inspection/stations/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'deleteInspectionStation',
        summary: 'Delete a station without cameras (409 while it has some)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await stations.removeStation(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/inspection/stations/:id/current-part',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getCurrentPart',
        summary: 'The part the station is inspecting now, with its part information',
        params: IdParams,
        response: { 200: Type.Ref('InspectionCurrentPart'), ...errorResponses(404) },
      },
    },
    async (request) =>
      presentCurrentPart(await stations.currentPart(principalOf(request), request.params.id)),
  );

  app.put(
    '/inspection/stations/:id/current-part',
    {
      config: { access: 'operate' },
      schema: {
        tags,
        operationId: 'setCurrentPart',
        summary: 'Set the part the station inspects (triggers without a part number take it)',
        params: IdParams,
        body: CurrentPartPut,
        response: { 200: Type.Ref('InspectionCurrentPart'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentCurrentPart(
        await stations.setCurrentPart(principalOf(request), request.params.id, request.body),
      ),
  );

  app.get(
    '/inspection/cameras',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listCameras',
        summary: 'Cameras (filter by station, status)',
        description: 'Live: subscribe to `camera:<id>` on `/ws` for each new image and its verdict.',
        querystring: CameraQuery,
        response: { 200: Type.Ref('InspectionCameraPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(
        await stations.listCameras(principalOf(request), request.query),
        request.query,
        presentCamera,
      ),
  );

  app.post(
    '/inspection/cameras',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'createCamera',
        summary: 'Register a camera on a station (serial number unique per tenant)',
        body: CameraCreate,
        response: { 201: Type.Ref('InspectionCamera'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentCamera(await stations.createCamera(principalOf(request), request.body))),
  );

  app.get(
    '/inspection/cameras/:serialNumber',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getCamera',
        summary: 'A camera by serial number',
        params: SerialParams,
        response: { 200: Type.Ref('InspectionCamera'), ...errorResponses(404) },
      },
    },
    async (request) =>
      presentCamera(await stations.cameraBySerial(principalOf(request), request.params.serialNumber)),
  );

  app.get(
    '/inspection/cameras/:serialNumber/latest',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getCameraLatest',
        summary: "The camera's newest image with its defects and verdict (image null before the first)",
        params: SerialParams,
        response: {
          200: Type.Object({
            camera: Type.Ref('InspectionCamera'),
            latest: Type.Union([Type.Ref('InspectionImageWithDefects'), Type.Null()]),
          }),
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const {
        camera,
        images: found,
        defects,
      } = await images.latestOfCamera(principalOf(request), request.params.serialNumber);
      return { camera: presentCamera(camera), latest: presentImagesWithDefects(found, defects)[0] ?? null };
    },
  );

  app.patch(
    '/inspection/cameras/:serialNumber',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'updateCamera',
        summary: 'Update a camera (status, resolution, mm per pixel, detection on ingest…)',
        params: SerialParams,
        body: CameraPatch,
        response: { 200: Type.Ref('InspectionCamera'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentCamera(
        await stations.updateCamera(principalOf(request), request.params.serialNumber, request.body),
      ),
  );

  app.delete(
    '/inspection/cameras/:serialNumber',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'deleteCamera',
        summary: 'Delete a camera (409 while it has images, unless ?purge=true deletes them too)',
        params: SerialParams,
        querystring: Type.Object(
          { purge: Type.Optional(Type.Boolean({ default: false })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      await stations.removeCamera(
        principalOf(request),
        request.params.serialNumber,
        request.query.purge ?? false,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/inspection/parts',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listInspectionParts',
        summary: 'Part information',
        querystring: Paging,
        response: { 200: Type.Ref('InspectionPartPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await stations.listParts(principalOf(request), request.query), request.query, presentPart),
  );

  app.get(
    '/inspection/parts/:partNumber',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getInspectionPart',
        summary: 'Part information by part number',
        params: PartParams,
        response: { 200: Type.Ref('InspectionPart'), ...errorResponses(404) },
      },
    },
    async (request) => presentPart(await stations.getPart(principalOf(request), request.params.partNumber)),
  );

  app.post(
    '/inspection/parts',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'createInspectionPart',
        summary: 'Add part information (part number unique per tenant; the region set it is judged by)',
        body: PartCreate,
        response: { 201: Type.Ref('InspectionPart'), ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentPart(await stations.createPart(principalOf(request), request.body))),
  );

  app.patch(
    '/inspection/parts/:partNumber',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'updateInspectionPart',
        summary: 'Change part information (name, material, drawing revision, region set)',
        params: PartParams,
        body: PartPatch,
        response: { 200: Type.Ref('InspectionPart'), ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      presentPart(await stations.updatePart(principalOf(request), request.params.partNumber, request.body)),
  );

  app.delete(
    '/inspection/parts/:partNumber',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'deleteInspectionPart',
        summary: 'Delete part information (its inspections stay)',
        params: PartParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await stations.removePart(principalOf(request), request.params.partNumber);
      return reply.status(204).send(null);
    },
  );

  const Settings = Type.Object(
    {
      secondReview: Type.Boolean({
        description: 'A rejected defect waits for a second person to confirm it',
      }),
    },
    { additionalProperties: false },
  );
  app.get(
    '/inspection/settings',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getInspectionSettings',
        summary: "The tenant's inspection settings",
        response: { 200: Settings },
      },
    },
    async (request) => stations.settings(principalOf(request)),
  );
  app.put(
    '/inspection/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        operationId: 'putInspectionSettings',
        summary: "Change the tenant's inspection settings",
        body: Settings,
        response: { 200: Settings, ...errorResponses(400) },
      },
    },
    async (request) => stations.storeSettings(principalOf(request), request.body),
  );
}
