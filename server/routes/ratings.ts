import { Hono } from 'hono';
import { integrityContext } from '../../db/queries/integrity.ts';
import { kioskByToken } from '../../db/queries/kiosks.ts';
import { findAck, recordRating } from '../../db/queries/ratings.ts';
import { clientAddress } from '../auth/client.ts';
import { clientHasher } from '../auth/client-hash.ts';
import { sha256 } from '../auth/tokens.ts';
import { newReceipt, uuidV7 } from '../domain/ids.ts';
import { integrityVerdict, ratingInstant } from '../domain/integrity.ts';
import { parseRatingInput } from '../domain/rating-input.ts';
import { redactPersonalData } from '../domain/redaction.ts';
import { isTimeZone, localDateOf, localHourOf } from '../domain/time-zones.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, validationFailed } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import type { ThrottleLimit } from '../../db/queries/throttle.ts';
import { enforceLimits } from '../middleware/throttle.ts';
import { requireUnit } from './units.ts';

const MINUTE = 60_000;

export function ratingRoutes({ db, now, trustProxy }: AppDeps) {
  const hashClient = clientHasher(db);
  return new Hono<AppEnv>().post('/units/:slug/ratings', async (c) => {
    const unit = await requireUnit(db, c.req.param('slug'));
    const parsed = parseRatingInput(await readJsonBody(c));
    if (!parsed.ok) throw validationFailed(parsed.fields);
    const input = parsed.value;
    const key = input.idempotencyKey.toLowerCase();

    // A retry of a stored rating gets its first answer before anything else (throttling included).
    const earlier = await findAck(db, unit.id, key);
    if (earlier) return c.json(earlier, 200);

    // A unit with a single service needs no choice; otherwise an unnamed service is stored as unnamed.
    let serviceId: string | null = unit.services.length === 1 ? unit.services[0]!.id : null;
    if (input.service) {
      const service = unit.services.find((s) => s.slug === input.service);
      if (!service) {
        throw new ApiError(404, 'service_not_found', `This unit has no service "${input.service}".`, { service: 'is not a service of this unit' });
      }
      serviceId = service.id;
    }
    if (!isTimeZone(unit.timezone)) throw new Error(`unit ${unit.slug} has an unknown time zone ${unit.timezone}`);

    const arrived = now();
    // A registered kiosk identifies itself with its device token; a wrong token is refused.
    const kioskToken = c.req.header('x-kiosk-token');
    const device = input.channel === 'kiosk' && kioskToken ? await kioskByToken(db, unit.id, sha256(kioskToken)) : undefined;
    if (kioskToken && input.channel === 'kiosk' && !device) throw new ApiError(403, 'kiosk_not_registered', 'This kiosk token is not registered for this unit.');
    const ipHash = await hashClient(clientAddress(c, trustProxy), arrived);
    const limits: ThrottleLimit[] = device
      ? [{ bucket: `rating:device:${device.id}`, limit: 120, windowMs: 60 * MINUTE }]
      : [
          { bucket: `rating:unit:${unit.id}:${ipHash}`, limit: 10, windowMs: 10 * MINUTE },
          { bucket: `rating:client:${ipHash}`, limit: 60, windowMs: 60 * MINUTE },
        ];
    await enforceLimits(c, db, limits, arrived, 'too_many_requests', 'Too many ratings from this connection; please try again later.');
    const at = ratingInstant(arrived, input.capturedAt, device !== undefined);

    const comment = input.comment?.trim() ? redactPersonalData(input.comment.trim()) : null;
    const localHour = localHourOf(at, unit.timezone);
    const exclusionReason = integrityVerdict(
      { answers: input.answers, channel: input.channel, localHour, honeypotFilled: Boolean(input.website?.trim()), comment, at },
      await integrityContext(db, { unitId: unit.id, ipHash, deviceId: device?.id ?? null }, comment, at),
    );
    const r = input.respondent;
    const result = await recordRating(db, {
      id: uuidV7(at.getTime()),
      receipt: newReceipt(),
      unitId: unit.id,
      serviceId,
      createdAt: at.toISOString(),
      localDate: localDateOf(at, unit.timezone),
      localHour,
      channel: input.channel,
      answers: input.answers,
      gender: r?.gender ?? null,
      age: r?.age ?? null,
      education: r?.education ?? null,
      occupation: r?.occupation ?? null,
      comment,
      idempotencyKey: key,
      ipHash,
      visitCode: input.visitCode ?? null,
      deviceId: device?.id ?? null,
      exclusionReason,
    });
    switch (result.outcome) {
      case 'created':
        return c.json(result.ack, 201);
      case 'replayed':
        return c.json(result.ack, 200);
      case 'visit_code_unknown':
        throw new ApiError(409, 'visit_code_unknown', 'This visit code was not issued by this unit.', { visitCode: 'is not a code of this unit' });
      case 'visit_code_spent':
        throw new ApiError(409, 'visit_code_spent', 'This visit code has already been used.', { visitCode: 'has already been used' });
    }
  });
}
