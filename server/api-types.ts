// The public payloads of API.md, as types shared by the routes and the site's islands (type-only imports).
export interface RegionRef {
  code: string;
  name: string;
}

export interface RegionPublic {
  code: string;
  name: string;
  kind: string;
  timezone: string;
  parentCode: string | null;
}

export interface UnitSummary {
  slug: string;
  name: string;
  kind: string;
  region: RegionRef;
  timezone: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Sla {
  value: number;
  unit: 'working_days' | 'calendar_days' | 'hours' | 'minutes' | string;
  startsAt: string | null;
}

export interface ServicePublic {
  slug: string;
  name: string;
  isPermit: boolean;
  sla: Sla | null;
}

export interface UnitPublic extends UnitSummary {
  address: string | null;
  services: ServicePublic[];
}

export interface RatingAckBody {
  id: string;
  receipt: string;
  status: 'accepted' | 'verified';
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
