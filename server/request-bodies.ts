// The JSON request body of every route that reads one, as the very valibot schema the route parses it with (decision
// 056). GET /api/openapi.json converts these with @valibot/to-json-schema, so the documented body cannot drift from
// the check; tests/api/request-bodies.test.ts holds each schema to its JSON Schema and every body-reading route to an
// entry here.
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import {
  holidaySchema, officialSchema, regionSchema, serviceSchema, settingsSchema, targetSchema, unitSchema, userPatchSchema, userSchema,
} from '../core/domain/admin-input.ts';
import { apiTokenSchema } from '../core/domain/api-tokens.ts';
import { reviewDecisionSchema } from '../core/domain/comment-review.ts';
import { preferencesSchema, runSchema } from '../core/domain/notifications.ts';
import { thresholdsSchema } from '../core/domain/compliance.ts';
import { laporAnswerSchema, laporPrepareSchema, laporTrackingSchema } from '../core/domain/lapor.ts';
import { followUpPatchSchema, followUpSchema } from '../core/domain/follow-up-input.ts';
import { permitInputSchema } from '../core/domain/permit-input.ts';
import { frameOriginsSchema } from '../core/domain/publication-kit.ts';
import { ratingInputSchema } from '../core/domain/rating-input.ts';
import { webhookCreateSchema, webhookPatchSchema } from '../core/domain/webhooks.ts';
import { subscribeSchema } from '../core/domain/reply-subscription.ts';
import { capSchema, limitsSchema } from './routes/admin-integrity.ts';
import { tenureEndSchema } from './routes/admin.ts';
import { loginSchema } from './routes/auth.ts';
import { changePasswordSchema, resetRequestSchema, setPasswordSchema } from './routes/password.ts';
import { writtenReason } from './routes/evaluation.ts';
import { lockSchema } from './routes/evidence.ts';
import { publicationSchema } from './routes/rtl-register.ts';
import { codesSchema, kioskSchema } from './routes/staff-tools.ts';
import { hideSchema, replySchema, restoreSchema } from './routes/staff.ts';
import { codeSchema, disableSchema, enableSchema, setupSchema } from './routes/two-factor.ts';

export interface RequestBody {
  schema: v.GenericSchema;
  /** Fields the route fills in from the path before parsing (PUT /admin/units/{slug}: slug); not part of the body. */
  fromPath?: string[];
}

/** Keyed "METHOD /api/path" as in the OpenAPI document. */
export const REQUEST_BODIES: Record<string, RequestBody> = {
  'POST /api/units/{slug}/ratings': { schema: ratingInputSchema },
  'POST /api/units/{slug}/permit-reports': { schema: permitInputSchema },
  'POST /api/receipts/{receipt}/subscribe': { schema: subscribeSchema },
  'POST /api/auth/login': { schema: loginSchema },
  'POST /api/auth/password-reset': { schema: resetRequestSchema },
  'POST /api/auth/password': { schema: setPasswordSchema },
  'PUT /api/auth/password': { schema: changePasswordSchema },
  'POST /api/auth/2fa/setup': { schema: setupSchema },
  'POST /api/auth/2fa/enable': { schema: enableSchema },
  'POST /api/auth/2fa/verify': { schema: codeSchema },
  'POST /api/auth/2fa/disable': { schema: disableSchema },
  'POST /api/tokens': { schema: apiTokenSchema },
  'POST /api/evaluation/moderation-requests/{id}/approve': { schema: writtenReason },
  'POST /api/evaluation/moderation-requests/{id}/reject': { schema: writtenReason },
  'POST /api/evaluation/responses/{id}/lift': { schema: writtenReason },
  'POST /api/evaluation/permit-reports/{id}/lift': { schema: writtenReason },
  'POST /api/review/comments/{id}': { schema: reviewDecisionSchema },
  'POST /api/review/comments/{id}/lapor': { schema: laporPrepareSchema },
  'POST /api/review/comments/{id}/lapor/tracking': { schema: laporTrackingSchema },
  'POST /api/review/comments/{id}/lapor/answer': { schema: laporAnswerSchema },
  'POST /api/evidence/locks': { schema: lockSchema },
  'PUT /api/admin/units/{slug}/frame-origins': { schema: frameOriginsSchema },
  'PUT /api/admin/compliance-thresholds': { schema: thresholdsSchema },
  'POST /api/staff/units/{slug}/publications': { schema: publicationSchema },
  'PUT /api/admin/settings': { schema: settingsSchema },
  'PUT /api/admin/units/{slug}/limits': { schema: limitsSchema },
  'PUT /api/admin/units/{slug}/kiosk-cap': { schema: capSchema },
  'PUT /api/admin/regions/{code}': { schema: regionSchema, fromPath: ['code'] },
  'PUT /api/admin/units/{slug}': { schema: unitSchema, fromPath: ['slug'] },
  'PUT /api/admin/units/{slug}/services/{service}': { schema: serviceSchema, fromPath: ['slug'] },
  'POST /api/admin/users': { schema: userSchema },
  'PATCH /api/admin/users/{id}': { schema: userPatchSchema },
  'PUT /api/admin/holidays/{date}': { schema: holidaySchema },
  'POST /api/admin/officials': { schema: officialSchema },
  'PATCH /api/admin/officials/{id}': { schema: tenureEndSchema },
  'PUT /api/admin/targets': { schema: targetSchema },
  'POST /api/staff/units/{slug}/follow-ups': { schema: followUpSchema },
  'PATCH /api/staff/units/{slug}/follow-ups/{id}': { schema: followUpPatchSchema },
  'POST /api/staff/units/{slug}/visit-codes': { schema: codesSchema },
  'POST /api/staff/units/{slug}/kiosks': { schema: kioskSchema },
  'POST /api/staff/units/{slug}/responses/{id}/replies': { schema: replySchema },
  'POST /api/staff/units/{slug}/responses/{id}/hide': { schema: hideSchema },
  'POST /api/staff/units/{slug}/responses/{id}/restore': { schema: restoreSchema },
  'POST /api/webhooks': { schema: webhookCreateSchema },
  'PATCH /api/webhooks/{id}': { schema: webhookPatchSchema },
  'PUT /api/account/notifications': { schema: preferencesSchema },
  'POST /api/admin/notifications/run': { schema: runSchema },
};

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends: the input side of each pipe, up to its first
 * transform. Checks the converter cannot express (a real calendar date, a period code) are left out ('ignore'): the
 * document then accepts a little more than the route, never less.
 */
export function requestBodyJsonSchema({ schema, fromPath = [] }: RequestBody): Record<string, unknown> {
  const json = toJsonSchema(schema, { target: 'draft-2020-12', typeMode: 'input', errorMode: 'ignore' }) as Record<string, unknown>;
  delete json.$schema;
  if (fromPath.length) {
    const properties = { ...(json.properties as Record<string, unknown>) };
    for (const name of fromPath) delete properties[name];
    json.properties = properties;
    json.required = ((json.required as string[] | undefined) ?? []).filter((r) => !fromPath.includes(r));
  }
  return json;
}
