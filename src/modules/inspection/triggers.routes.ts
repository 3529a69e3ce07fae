// POST /inspection/triggers: a part passing a station, as multipart/form-data — one image file per
// camera (the part's field name is the camera's serial number) and the fields below. Files are
// streamed into the file store and validated before anything touches the database.
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import type { Principal } from '../../platform/auth/principal.ts';
import { tenantOf } from '../../platform/db/scope.ts';
import { principalOf } from '../../platform/http/access.ts';
import { badRequest, unsupportedMediaType, validationFailed } from '../../platform/http/errors.ts';
import { errorResponses } from '../../platform/http/openapi.ts';
import { presentPage } from '../../platform/http/pagination.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { App } from '../../platform/http/types.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { acceptUploads } from '../../platform/storage/multipart.ts';
import { unreadable } from '../../platform/storage/upload-stream.ts';
import { inspectImageFile } from './images/validate.ts';
import { TriggerDefects, TriggerQuery } from './inspection.schemas.ts';
import { presentImagesWithDefects, presentTrigger } from './presenters.ts';
import type { IncomingImage, TriggerInput, TriggersService } from './triggers.service.ts';

const tags = ['inspection'];
/** Cameras per trigger. */
export const MAX_TRIGGER_IMAGES = 16;
const MAX_DEFECTS_FIELD_BYTES = 8 * 1_048_576;
const SERIAL = /^[A-Za-z0-9._:-]{1,100}$/;
const CODE = /^[A-Za-z0-9._:/ -]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const checkDefects = Compile(TriggerDefects);

export interface TriggerUploadLimits {
  imageMaxBytes: number;
  maxPixels: number;
}

/** The text fields of the form, checked as a schema would. */
function fieldsOf(fields: Record<string, string>): Omit<TriggerInput, 'images'> {
  const problems: { path: string; message: string }[] = [];
  const text = (name: string, pattern: RegExp, required: boolean) => {
    const value = fields[name];
    if (value === undefined || value === '') {
      if (required) problems.push({ path: `/body/${name}`, message: 'is required' });
      return undefined;
    }
    if (!pattern.test(value))
      problems.push({ path: `/body/${name}`, message: `must match ${pattern.source}` });
    return value;
  };
  const stationId = text('stationId', UUID, true) ?? '';
  const partNumber = text('partNumber', CODE, false);
  const partSerial = text('partSerial', CODE, false);
  const ts = text('ts', /^(19|2[01])\d\d-\d\d-\d\dT[0-9:.]+(Z|[+-]\d\d:\d\d)$/, false);
  if (ts !== undefined && Number.isNaN(Date.parse(ts)))
    problems.push({ path: '/body/ts', message: 'is not a date-time' });
  let defects: TriggerInput['defects'];
  if (fields.defects !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fields.defects);
    } catch {
      problems.push({ path: '/body/defects', message: 'is not JSON' });
    }
    if (parsed !== undefined) {
      if (checkDefects.Check(parsed)) defects = parsed as TriggerInput['defects'];
      else
        for (const e of checkDefects.Errors(parsed).slice(0, 20))
          problems.push({ path: `/body/defects${e.instancePath}`, message: e.message });
    }
  }
  for (const name of Object.keys(fields))
    if (!['stationId', 'partNumber', 'partSerial', 'ts', 'defects'].includes(name))
      problems.push({ path: `/body/${name}`, message: 'is not a field of a trigger' });
  if (problems.length > 0) throw validationFailed('The trigger is not valid', problems);
  return { stationId, partNumber, partSerial, ts, defects };
}

/** Reads the form: files into the store as they come, fields as text. Stored keys are returned even on failure. */
async function receive(
  request: FastifyRequest,
  principal: Principal,
  files: FileStore,
  limits: TriggerUploadLimits,
  stored: IncomingImage[],
) {
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const file = part as MultipartFile;
      if (!SERIAL.test(file.fieldname)) {
        file.file.resume();
        throw badRequest(`Image field "${file.fieldname.slice(0, 100)}" must be a camera serial number`);
      }
      const saved = await files.put(tenantOf(principal), file.file, {
        maxBytes: limits.imageMaxBytes,
        truncated: () => file.file.truncated,
      });
      stored.push({
        serial: file.fieldname,
        key: saved.key,
        bytes: saved.bytes,
        path: await files.localPath(saved.key),
        info: undefined as never,
      });
    } else {
      const value = (part as MultipartValue).value;
      if (typeof value === 'string') fields[part.fieldname] = value;
    }
  }
  return fields;
}

export function triggersRoutes(
  app: App,
  { triggers, files, limits }: { triggers: TriggersService; files: FileStore; limits: TriggerUploadLimits },
) {
  app.register(async (scope: App) => {
    await acceptUploads(scope, {
      fileSize: limits.imageMaxBytes,
      files: MAX_TRIGGER_IMAGES,
      fields: 8,
      fieldSize: MAX_DEFECTS_FIELD_BYTES,
    });
    scope.post(
      '/inspection/triggers',
      {
        config: { access: 'operate' },
        schema: {
          tags,
          operationId: 'createTrigger',
          summary:
            'A part passed the station: store its images (and the vision system’s defects), judge it, return the verdict',
          description: [
            '`multipart/form-data` with one file part per camera, named by the camera’s serial number (8- or 16-bit grayscale PNG or TIFF, BMP, JPEG), and the fields:',
            '- `stationId` (required); `partNumber`, `partSerial` (default: the station’s current part); `ts` (ISO 8601, default now);',
            '- `defects` (optional JSON): `{ "<serial>": [{ "cx", "cy", "bbox": {x,y,w,h} | "diameterPx" | "areaPx" | "contour": [[x,y],…], "type", "confidence" }] }` in pixels of that image. A camera without an entry gets the built-in detector when its `detectOnIngest` is on.',
            `At most ${MAX_TRIGGER_IMAGES} images; each within the image size and pixel limits (INSPECTION_IMAGE_MAX_MB, INSPECTION_MAX_PIXELS). All or nothing: a refused image or defect stores nothing. The verdict is also pushed on \`station:<id>\` and \`camera:<id>\`.`,
          ].join('\n'),
          response: { 201: Type.Ref('InspectionTriggerDetail'), ...errorResponses(400, 413, 415) },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw unsupportedMediaType('Send the trigger as multipart/form-data');
        const principal = principalOf(request);
        const stored: IncomingImage[] = [];
        let input: TriggerInput;
        try {
          const fields = await receive(request, principal, files, limits, stored).catch((err: unknown) => {
            throw unreadable(err);
          });
          const parsed = fieldsOf(fields);
          for (const image of stored)
            image.info = await inspectImageFile(image.path, { maxPixels: limits.maxPixels });
          input = { ...parsed, images: stored };
        } catch (err) {
          await triggers.discard(
            principal,
            stored.map((s) => s.key),
          );
          throw err;
        }
        const { trigger, images } = await triggers.ingest(principal, input);
        const detail = await triggers.get(principal, trigger.id);
        return reply.status(201).send({
          trigger: presentTrigger(detail.trigger),
          images: presentImagesWithDefects(images.length > 0 ? detail.images : [], detail.defects),
        });
      },
    );
  });

  app.get(
    '/inspection/triggers',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'listTriggers',
        summary:
          'Trigger history, newest first (filter by station, part serial, part number, verdict, period)',
        querystring: TriggerQuery,
        response: { 200: Type.Ref('InspectionTriggerPage'), ...errorResponses(400) },
      },
    },
    async (request) =>
      presentPage(await triggers.list(principalOf(request), request.query), request.query, presentTrigger),
  );

  app.get(
    '/inspection/triggers/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        operationId: 'getTrigger',
        summary: 'A trigger with its images, defects and verdict',
        params: IdParams,
        response: { 200: Type.Ref('InspectionTriggerDetail'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const detail = await triggers.get(principalOf(request), request.params.id);
      return {
        trigger: presentTrigger(detail.trigger),
        images: presentImagesWithDefects(detail.images, detail.defects),
      };
    },
  );

  app.post(
    '/inspection/triggers/:id/reanalyze',
    {
      config: { access: 'analyze' },
      schema: {
        tags,
        operationId: 'reanalyzeTrigger',
        summary: "Judge a trigger again by its cameras' current regions (records the versions used)",
        params: IdParams,
        response: { 200: Type.Ref('InspectionTriggerDetail'), ...errorResponses(404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await triggers.reanalyze(principal, request.params.id);
      const detail = await triggers.get(principal, request.params.id);
      return {
        trigger: presentTrigger(detail.trigger),
        images: presentImagesWithDefects(detail.images, detail.defects),
      };
    },
  );
}
