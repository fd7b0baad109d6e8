'use client';

import { useState } from 'react';
import { useMessages } from '@/components/i18n/messages-context';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { SettingsForm } from '@/components/ui/settings-form';
import type { ActionResult } from '@/lib/action-result';
import { EMAIL_MODES, NOTICE_GROUPS, type EmailMode, type NoticeSettings } from '@/lib/notification-kinds';

export function NoticeSettingsForm({ initial, save }: { initial: NoticeSettings; save: (input: NoticeSettings) => Promise<ActionResult<void>> }) {
  const m = useMessages();
  const n = m.notifications;
  const [settings, setSettings] = useState<NoticeSettings>(initial);
  return (
    <SettingsForm value={settings} save={save} saved={n.settingsSaved} submitLabel={n.settingsSave}>
      <Field id="notice-language" label={n.settingsLanguage}>
        <Select
          id="notice-language"
          className="sm:w-64"
          value={settings.language}
          onChange={(e) => setSettings({ ...settings, language: e.target.value as 'et' | 'en' })}
        >
          {(['et', 'en'] as const).map((l) => (
            <option key={l} value={l}>
              {n.settingsLanguages[l]}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-medium text-slate-800">{n.settingsEmail}</legend>
        {NOTICE_GROUPS.map((g) => (
          <Field key={g} id={`notice-${g}`} label={n.settingsGroups[g]}>
            <Select
              id={`notice-${g}`}
              className="sm:w-72"
              value={settings.email[g]}
              onChange={(e) => setSettings({ ...settings, email: { ...settings.email, [g]: e.target.value as EmailMode } })}
            >
              {EMAIL_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {n.emailModes[mode]}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </fieldset>
    </SettingsForm>
  );
}
