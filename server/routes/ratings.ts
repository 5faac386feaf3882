import { Hono } from 'hono';
import { recordRating } from '../../db/queries/ratings.ts';
import { newReceipt, uuidV7 } from '../domain/ids.ts';
import { parseRatingInput } from '../domain/rating-input.ts';
import { redactPersonalData } from '../domain/redaction.ts';
import { isTimeZone, localDateOf, localHourOf } from '../domain/time-zones.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { requireUnit } from './units.ts';

export function ratingRoutes({ db, now }: AppDeps) {
  return new Hono().post('/units/:slug/ratings', async (c) => {
    const unit = await requireUnit(db, c.req.param('slug'));
    const parsed = parseRatingInput(await readJsonBody(c));
    if (!parsed.ok) throw validationFailed(parsed.fields);
    const input = parsed.value;

    // A unit with a single service needs no choice; otherwise an unnamed service is stored as unnamed.
    let serviceId: string | null = unit.services.length === 1 ? unit.services[0]!.id : null;
    if (input.service) {
      const service = unit.services.find((s) => s.slug === input.service);
      if (!service) {
        throw new ApiError(404, 'service_not_found', `This unit has no service "${input.service}".`, {
          service: 'is not a service of this unit',
        });
      }
      serviceId = service.id;
    }
    if (!isTimeZone(unit.timezone)) throw new Error(`unit ${unit.slug} has an unknown time zone ${unit.timezone}`);

    const at = now();
    const comment = input.comment?.trim() ? redactPersonalData(input.comment.trim()) : null;
    const r = input.respondent;
    const result = await recordRating(db, {
      id: uuidV7(at.getTime()),
      receipt: newReceipt(),
      unitId: unit.id,
      serviceId,
      createdAt: at.toISOString(),
      localDate: localDateOf(at, unit.timezone),
      localHour: localHourOf(at, unit.timezone),
      channel: input.channel,
      answers: input.answers,
      gender: r?.gender ?? null,
      age: r?.age ?? null,
      education: r?.education ?? null,
      occupation: r?.occupation ?? null,
      comment,
      idempotencyKey: input.idempotencyKey.toLowerCase(),
      ipHash: null,
      visitCode: input.visitCode ?? null,
      deviceId: null,
    });
    switch (result.outcome) {
      case 'created':
        return c.json(result.ack, 201);
      case 'replayed':
        return c.json(result.ack, 200);
      case 'visit_code_unknown':
        throw new ApiError(409, 'visit_code_unknown', 'This visit code was not issued by this unit.', {
          visitCode: 'is not a code of this unit',
        });
      case 'visit_code_spent':
        throw new ApiError(409, 'visit_code_spent', 'This visit code has already been used.', {
          visitCode: 'has already been used',
        });
    }
  });
}

