import { Hono, type Context } from 'hono';
import { ratingShareContext } from '../../db/queries/address-share.ts';
import { kioskContext, ratingContext } from '../../db/queries/integrity.ts';
import { kioskByToken } from '../../db/queries/kiosks.ts';
import { groupCommit } from '../../db/group-commit.ts';
import { findAck, insertRating, isUniqueViolation, type RatingAck, type RatingRecord, type RecordOutcome } from '../../db/queries/ratings.ts';
import type { UnitDetail } from '../../db/queries/units.ts';
import { clientAddress } from '../auth/client.ts';
import { addressKeyer, clientHasher } from '../auth/client-hash.ts';
import { formTicketSecret } from '../auth/form-ticket-secret.ts';
import { sha256 } from '../auth/tokens.ts';
import { checkTicket } from '../../core/domain/form-ticket.ts';
import { newReceipt, uuidV4 } from '../../core/domain/ids.ts';
import { quarterOf, ratingShareExceeded } from '../../core/domain/address-share.ts';
import { answersSignature, captureIsBelievable, integrityVerdict, kioskVerdict, ratingInstant } from '../../core/domain/integrity.ts';
import { daysInclusive, isClosedOn } from '../../core/domain/periods.ts';
import { quarterBounds } from '../../core/domain/address-share.ts';
import { sampleTarget } from '../../core/domain/sample-size.ts';
import { parseRatingInput, type RatingInput } from '../../core/domain/rating-input.ts';
import { redactPersonalData } from '../../core/domain/redaction.ts';
import { isTimeZone, localDateOf, localHourOf, todayIn } from '../../core/domain/time-zones.ts';
import type { RatingAckBody } from '../../core/api-types.ts';
import { reviewQueued } from '../webhooks/events.ts';
import type { AppDeps, AppEnv } from '../deps.ts';
import { ApiError, validationFailed, visitCodeRefused } from '../errors.ts';
import { readJsonBody } from '../middleware/json-body.ts';
import { browserCookie, ticketCookie } from '../middleware/form-cookies.ts';
import { enforceLimitsIn, submissionLimits } from '../middleware/throttle.ts';
import { ticketGiver } from './form-tickets.ts';
import { isFormPost, ratingFormPost } from './html-forms.ts';
import { requireUnit } from './units.ts';

const MINUTE = 60_000;

export function ratingRoutes(deps: AppDeps) {
  const { db, now, trustProxy } = deps;
  const hashClient = clientHasher(db);
  const keyAddress = addressKeyer(db);
  const secret = formTicketSecret(db);
  const giveTicket = ticketGiver(deps);

  /**
   * Stores one validated rating: the one way a rating is stored, for the JSON route and the plain HTML form alike.
   * Throws the contract's ApiError (unknown service, kiosk refused, throttled, visit code refused).
   */
  async function store(c: Context, unit: UnitDetail, input: RatingInput): Promise<{ ack: RatingAck; outcome: 'created' | 'duplicate' }> {
    const key = input.idempotencyKey.toLowerCase();
    const declared = unit.services.reduce((sum, s) => sum + (s.declared_users ?? 0), 0) || null;
    const target = (from: string, to: string) => sampleTarget(declared, daysInclusive(from, to));

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

    const timeZone = unit.timezone;
    const arrived = now();
    // A registered kiosk identifies itself with its device token; a wrong token is refused, and so is a kiosk that
    // still waits for an administrator's approval. Without a kiosk token, "kiosk" is just another web rating.
    const kioskToken = c.req.header('x-kiosk-token');
    const device = input.channel === 'kiosk' && kioskToken ? await kioskByToken(db, unit.id, sha256(kioskToken)) : undefined;
    if (kioskToken && input.channel === 'kiosk' && !device) throw new ApiError(403, 'kiosk_not_registered', 'This kiosk token is not registered for this unit.');
    if (device && !device.approved_at) {
      throw new ApiError(403, 'kiosk_not_approved', 'This kiosk waits for an administrator\'s approval; its ratings are not taken yet.');
    }
    const channel = device ? 'kiosk' : input.channel === 'kiosk' ? 'web' : input.channel;
    const client = clientAddress(c, trustProxy);
    const ipHash = await hashClient(client, arrived);
    // The form's ticket and the browser's token come in the body (API clients) or in the cookies the page set.
    const browserToken = input.browserToken ?? browserCookie(c);
    const browserHash = browserToken ? await hashClient(`browser:${browserToken}`, arrived) : null;
    const limits = device
      ? [{ bucket: `rating:device:${device.id}`, limit: 120, windowMs: 60 * MINUTE }]
      : submissionLimits('rating', unit.id, ipHash, browserHash);

    const at = ratingInstant(arrived, input.capturedAt, device !== undefined);
    const comment = input.comment?.trim() ? redactPersonalData(input.comment.trim()) : null;
    const localHour = localHourOf(at, unit.timezone);
    const localDate = localDateOf(at, unit.timezone);
    // The address key of the rating's quarter (decision 045); a registered kiosk is judged by its own rules instead.
    const addressPeriod = device ? null : quarterOf(localDate);
    const addressKey = addressPeriod ? await keyAddress(client, addressPeriod, arrived) : null;
    const signature = answersSignature(input.answers);
    const honeypotFilled = Boolean(input.website?.trim());
    const ticket = checkTicket(await secret(arrived), input.ticket ?? ticketCookie(c), 'rating', unit.id, arrived);
    // Only a valid ticket is kept (and so counts once); a too-fast one is judged, and stored, as no ticket.
    const ticketId = ticket.state === 'valid' ? ticket.id : null;
    const r = input.respondent;
    const record: RatingRecord = {
      // A random id: a time-ordered one would tell staff when the rating was made (docs/decisions/022).
      id: uuidV4(),
      receipt: newReceipt(),
      unitId: unit.id,
      serviceId,
      createdAt: at.toISOString(),
      localDate,
      localHour,
      channel,
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
      browserHash,
      ticketId,
      addressPeriod,
      addressKey,
      exclusionReason: null,
    };

    // One transaction for the whole rating (its throttle slots, the integrity checks' reads, the row and its rollups),
    // shared with the ratings that arrive with it and answered once it is committed (docs/decisions/035).
    const result = await groupCommit(db).run(async (trx, scope): Promise<RecordOutcome> => {
      // A retry of a stored rating gets its first answer before anything else (throttling included).
      const earlier = await findAck(trx, unit.id, key);
      if (earlier) return { outcome: 'replayed', ack: earlier };
      // The batch took the buckets' locks before its first rating (they are passed to run() below).
      await enforceLimitsIn(c, trx, limits, arrived, 'too_many_requests', 'Too many ratings from this connection; please try again later.', true);
      if (device) {
        const kiosk = await kioskContext(trx, { id: device.id, unitId: unit.id, approvedAt: device.approved_at!, lastCapturedAt: device.last_captured_at }, comment, at,
          isClosedOn(localDate, todayIn(timeZone, arrived)));
        // A capture time that cannot be believed (future, older than the offline window) is dated by arrival and held back.
        record.exclusionReason = captureIsBelievable(arrived, input.capturedAt)
          ? kioskVerdict({ signature, localHour, honeypotFilled, comment, at }, kiosk.device, kiosk.commentSeenRecently)
          : 'device_clock';
      } else {
        // The window ends now, not when this rating arrived: one that arrived later but was stored first counts too.
        const context = await ratingContext(trx, { unitId: unit.id, ipHash, browserHash, ticketId }, comment, new Date(Math.max(at.getTime(), now().getTime())));
        record.exclusionReason = integrityVerdict({ signature, channel, localHour, honeypotFilled, comment, at, ticket: ticket.state }, context);
        // Bounded influence (decision 045): what would count is held back beyond the address's share of the quarter.
        if (record.exclusionReason === null && addressPeriod && addressKey) {
          const share = await ratingShareContext(trx, unit.id, addressPeriod, addressKey, scope.batch);
          const quarter = quarterBounds(addressPeriod);
          const candidateTotal = Object.values(input.answers).reduce((sum, x) => sum + x, 0);
          if (ratingShareExceeded({ ...share, sampleTarget: target(quarter.from, quarter.to), candidateTotal })) record.exclusionReason = 'address_share';
        }
      }
      const stored = await insertRating(trx, record, scope.rollups);
      // A held comment (decision 019) queues review.queued for the endpoints that subscribe; a rating without one runs
      // no query more (docs/decisions/064).
      if (stored.outcome === 'created' && stored.ack.commentReview === 'pending') await reviewQueued(trx, deps, unit, arrived);
      return stored;
    }, limits.map((l) => l.bucket)).catch(async (error: unknown): Promise<RecordOutcome> => {
      // Another process stored the same key first (PostgreSQL, several servers): answer with its receipt.
      const earlier = isUniqueViolation(error) ? await findAck(db, unit.id, key) : undefined;
      if (earlier) return { outcome: 'replayed', ack: earlier };
      throw error;
    });
    if (!('ack' in result)) throw visitCodeRefused(result.outcome);
    // A fresh ticket for the next visit's rating from this browser ("rate another visit").
    if (result.outcome === 'created' && !device) await giveTicket(c, unit, 'rating');
    return { ack: result.ack, outcome: result.outcome === 'created' ? 'created' : 'duplicate' };
  }

  return new Hono<AppEnv>().post('/:slug/ratings', async (c) => {
    const unit = await requireUnit(db, c.req.param('slug'));
    // A resident without JavaScript posts the rating page's plain HTML form (docs/decisions/030).
    if (isFormPost(c)) return ratingFormPost(c, unit, store, deps);
    const parsed = parseRatingInput(await readJsonBody(c));
    if (!parsed.ok) throw validationFailed(parsed.fields);
    const { ack, outcome } = await store(c, unit, parsed.value);
    return c.json(ack satisfies RatingAckBody, outcome === 'created' ? 201 : 200);
  });
}
