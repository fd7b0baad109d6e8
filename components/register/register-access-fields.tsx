'use client';

import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { fill } from '@/lib/i18n';
import type { RegisterFormKit } from './register-form-kit';

type Ground = { code: string; label: string; explanation: string; termYears: number };

/** "Juurdepääs": whether the document is for internal use, on which ground and until when. */
export function AccessFields({
  kit,
  isRestricted,
  grounds,
  ground,
}: {
  kit: RegisterFormKit;
  isRestricted: boolean | undefined;
  grounds: Ground[];
  ground: Ground | undefined;
}) {
  const { r, register, err, aria } = kit;
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold">{r.fields.access}</legend>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" className="h-4 w-4" {...register('isRestricted')} />
        {r.fields.isRestricted}
      </label>
      {isRestricted && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="restrictionGroundCode" label={r.fields.restrictionGround} error={err('restrictionGroundCode')} hint={ground?.explanation}>
            <Select id="restrictionGroundCode" {...aria('restrictionGroundCode')} {...register('restrictionGroundCode')}>
              <option value="">—</option>
              {grounds.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="restrictionUntil"
            label={r.fields.restrictionUntil}
            error={err('restrictionUntil')}
            hint={ground ? fill(r.fields.restrictionUntilHint, { years: ground.termYears }) : undefined}
          >
            <Input id="restrictionUntil" type="date" {...aria('restrictionUntil')} {...register('restrictionUntil')} />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
